using EnhanceFund.BuildingBlocks.Contracts;
using EnhanceFund.BuildingBlocks.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace EnhanceFund.BuildingBlocks.Messaging;

/// <summary>
/// Base of every consumer of integration events. Delivery is at-least-once; this makes the effects
/// exactly-once: the inbox row (event id, consumer) and the consumer's effects commit in one transaction,
/// and a delivery that finds the row (or loses the race to insert it) does nothing.
/// </summary>
public abstract class InboxConsumer<TEvent, TContext>(TContext db, TimeProvider clock) : INotificationHandler<TEvent>
    where TEvent : IIntegrationEvent
    where TContext : ModuleDbContext
{
    protected TContext Db => db;

    protected TimeProvider Clock => clock;

    private string ConsumerName => GetType().FullName!;

    public async Task Handle(TEvent integrationEvent, CancellationToken cancellationToken)
    {
        if (await AlreadyConsumedAsync(integrationEvent, cancellationToken)) return;

        try
        {
            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                await ConsumeAsync(integrationEvent, cancellationToken);
                db.InboxMessages.Add(new InboxMessage(integrationEvent.EventId, ConsumerName, clock.GetUtcNow()));
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation("pk_inbox_messages"))
        {
            // A concurrent delivery of the same event committed first; its effects stand and ours rolled back.
            return;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }

        await AfterCommitAsync(integrationEvent, cancellationToken);
    }

    /// <summary>Applies the event's effects (tracked changes; the base class saves and commits them).</summary>
    protected abstract Task ConsumeAsync(TEvent integrationEvent, CancellationToken cancellationToken);

    /// <summary>Runs once, after the effects committed: for side effects that must never precede the commit.</summary>
    protected virtual Task AfterCommitAsync(TEvent integrationEvent, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    private Task<bool> AlreadyConsumedAsync(TEvent integrationEvent, CancellationToken cancellationToken) =>
        db.InboxMessages.AnyAsync(
            m => m.EventId == integrationEvent.EventId && m.Consumer == ConsumerName, cancellationToken);
}
