using EnhanceFund.BuildingBlocks.Contracts;
using EnhanceFund.BuildingBlocks.Persistence;

namespace EnhanceFund.BuildingBlocks.Messaging;

/// <summary>
/// A consumer that applies one event per transaction: saga steps lock rows and read what earlier steps wrote, and
/// locks taken for many events in one transaction could be taken in an order that deadlocks with another's.
/// </summary>
public abstract class InboxConsumer<TEvent, TContext>(TContext db, TimeProvider clock) : BatchInboxConsumer<TEvent, TContext>(db, clock)
    where TEvent : IIntegrationEvent
    where TContext : ModuleDbContext
{
    protected sealed override bool AppliesBatchInOneTransaction => false;

    /// <summary>Applies the event's effects (tracked changes; the base class saves and commits them).</summary>
    protected abstract Task ConsumeAsync(TEvent integrationEvent, CancellationToken cancellationToken);

    protected sealed override Task ConsumeAsync(IReadOnlyList<TEvent> events, CancellationToken cancellationToken) =>
        ConsumeAsync(events.Single(), cancellationToken);
}
