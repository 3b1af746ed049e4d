using System.Text.Json;
using EnhanceFund.BuildingBlocks.Contracts;
using EnhanceFund.BuildingBlocks.Domain;
using EnhanceFund.BuildingBlocks.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EnhanceFund.BuildingBlocks.Persistence;

/// <summary>
/// Turns the domain events of tracked aggregates into outbox rows while EF is saving, so they are part of
/// the very transaction that saves the state (SavingChanges, never SavedChanges: an event written after the
/// commit is lost by a crash in between).
/// </summary>
internal sealed class OutboxWriter(
    EventTypeRegistry registry,
    Func<IDomainEvent, IIntegrationEvent?> toIntegrationEvent,
    Action wakeRelay) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        WriteOutboxRows(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        WriteOutboxRows(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        WakeRelayIfCommitted(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        WakeRelayIfCommitted(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void WriteOutboxRows(DbContext? context)
    {
        if (context is not ModuleDbContext module) return;

        var aggregates = module.ChangeTracker.Entries<AggregateRoot>()
            .Select(e => e.Entity)
            .Where(a => a.DomainEvents.Count > 0)
            .ToList();
        if (aggregates.Count == 0) return;

        var (traceParent, traceState) = OutboxTracing.CurrentContext();
        var messages = new List<OutboxMessage>();
        foreach (var aggregate in aggregates)
        {
            foreach (var domainEvent in aggregate.DomainEvents)
            {
                if (toIntegrationEvent(domainEvent) is not { } integrationEvent) continue;
                var type = integrationEvent.GetType();
                messages.Add(new OutboxMessage(
                    domainEvent.EventId,
                    registry.NameOf(type),
                    JsonSerializer.Serialize(integrationEvent, type, EventJson.Options),
                    domainEvent.OccurredAt,
                    traceParent,
                    traceState));
            }

            aggregate.ClearDomainEvents();
        }

        if (messages.Count == 0) return;
        OutboxMessage.DueInOrderRaised(messages);
        module.OutboxMessages.AddRange(messages);
        module.HasUnsignalledOutboxMessages = true;
    }

    // Without an explicit transaction, SaveChanges has committed by now. Inside one, OutboxCommitSignaller
    // wakes the relay when that transaction commits.
    private void WakeRelayIfCommitted(DbContext? context)
    {
        if (context is ModuleDbContext { HasUnsignalledOutboxMessages: true } module
            && module.Database.CurrentTransaction is null)
        {
            module.HasUnsignalledOutboxMessages = false;
            wakeRelay();
        }
    }
}
