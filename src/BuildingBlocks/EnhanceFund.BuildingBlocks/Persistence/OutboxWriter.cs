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
/// commit is lost by a crash in between). The aggregates give up their events only once the save has succeeded;
/// a save that fails takes its rows back, so a caller that carries on with the context (drops the aggregate, or
/// fixes it and saves again) never saves the event of a state that was not saved, nor loses one that will be.
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
        Saved(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => TakeBack(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        TakeBack(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => TakeBack(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        TakeBack(eventData.Context);
        return Task.CompletedTask;
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
        }

        module.SaveUnderWay = new OutboxRowsUnderWay(aggregates, messages);
        if (messages.Count == 0) return;
        OutboxMessage.DueInOrderRaised(messages);
        module.OutboxMessages.AddRange(messages);
        module.HasUnsignalledOutboxMessages = true;
    }

    private void Saved(DbContext? context)
    {
        if (context is not ModuleDbContext module) return;
        if (module.SaveUnderWay is { } saved)
        {
            foreach (var aggregate in saved.Aggregates) aggregate.ClearDomainEvents();
            module.SaveUnderWay = null;
        }

        // Without an explicit transaction, SaveChanges has committed by now. Inside one, OutboxCommitSignaller
        // wakes the relay when that transaction commits.
        if (module.HasUnsignalledOutboxMessages && module.Database.CurrentTransaction is null)
        {
            module.HasUnsignalledOutboxMessages = false;
            wakeRelay();
        }
    }

    // The rows go, the events stay with their aggregates: a save after this one writes them again, if it saves them.
    private static void TakeBack(DbContext? context)
    {
        if (context is not ModuleDbContext { SaveUnderWay: { } failed } module) return;
        foreach (var message in failed.Messages) module.Entry(message).State = EntityState.Detached;
        module.SaveUnderWay = null;
    }
}

/// <summary>The aggregates whose events a save is writing, and the outbox rows it wrote for them.</summary>
internal sealed record OutboxRowsUnderWay(IReadOnlyList<AggregateRoot> Aggregates, IReadOnlyList<OutboxMessage> Messages);
