using System.Diagnostics;
using System.Reflection;
using EnhanceFund.BuildingBlocks.Contracts;
using EnhanceFund.BuildingBlocks.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace EnhanceFund.BuildingBlocks.Messaging;

/// <summary>
/// Base of every consumer of integration events. Delivery is at-least-once; this makes the effects exactly-once:
/// the inbox rows (event id, consumer) and the consumer's effects commit in one transaction, and an event whose
/// row exists (or that loses the race to insert it) is not applied again.
/// <para>
/// The relay hands over a batch. Unless <see cref="AppliesBatchInOneTransaction"/> says otherwise, its events are
/// applied in one transaction; if that transaction fails, they are applied again one per transaction, so only the
/// event at fault fails (and is retried, then parked, by the relay) while the rest go through.
/// </para>
/// <para>
/// The inbox is not read before applying: a redelivery is rare (a crash between a consumer's commit and the relay's
/// record of it), and the inbox row's key refuses it anyway, so asking first would cost every batch a round trip to
/// spare the rare one a rollback. An event that fails on its own is looked up once, after the failure: one an
/// earlier delivery applied (a saga step replayed, whose rules now refuse it) is not a failure.
/// </para>
/// </summary>
public abstract class BatchInboxConsumer<TEvent, TContext>(TContext db, TimeProvider clock) : INotificationHandler<EventBatch<TEvent>>
    where TEvent : IIntegrationEvent
    where TContext : ModuleDbContext
{
    private static readonly string EventName = typeof(TEvent).GetCustomAttribute<EventNameAttribute>()?.Name ?? typeof(TEvent).Name;

    protected TContext Db => db;

    protected TimeProvider Clock => clock;

    /// <summary>Whether a batch's events share one transaction: true for consumers whose events' effects are independent.</summary>
    protected virtual bool AppliesBatchInOneTransaction => true;

    private string ConsumerName => ConsumerNames.Of(GetType());

    public async Task Handle(EventBatch<TEvent> batch, CancellationToken cancellationToken)
    {
        if (AppliesBatchInOneTransaction && batch.Events.Count > 1)
        {
            try
            {
                await ApplyAsync(batch, batch.Events, cancellationToken);
                return;
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                // One of them failed, or was applied before, and rolled the batch back: one transaction each finds
                // which, and spares the rest.
            }
        }

        await EventBatch<TEvent>.ForEachAsync(batch.Events, e => ApplyOneAsync(batch, e, cancellationToken));
    }

    /// <summary>Applies the events' effects as tracked changes (the base class saves them if the consumer has not).</summary>
    protected abstract Task ConsumeAsync(IReadOnlyList<TEvent> events, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the events' effects and their inbox rows, all or nothing: by default in a transaction of EF's, the inbox
    /// rows and whatever <see cref="ConsumeAsync"/> tracked saved together. A consumer on the live path may write them
    /// in one round trip of its own instead; a unique violation of the inbox key must then reach the caller as
    /// PostgreSQL raised it.
    /// </summary>
    protected virtual async Task StoreAsync(IReadOnlyList<TEvent> events, IReadOnlyList<InboxMessage> inbox, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.InboxMessages.AddRange(inbox);
        await ConsumeAsync(events, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Runs once per committed transaction, after the commit: for side effects that must never precede it.</summary>
    protected virtual Task AfterCommitAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// One transaction, under a span of its own: in the trace of the work that raised the event when it applies one
    /// (a saga step, a retry), linked to each event's trace when it applies several.
    /// </summary>
    private async Task ApplyAsync(EventBatch<TEvent> batch, IReadOnlyList<TEvent> events, CancellationToken cancellationToken)
    {
        using var span = OutboxTracing.StartConsumer(
            db.Model.GetDefaultSchema()!, ConsumerName, EventName, events.Select(batch.TraceContextOf), events.Count);
        try
        {
            var now = clock.GetUtcNow();
            await StoreAsync(events, events.Select(e => new InboxMessage(e.EventId, ConsumerName, now)).ToList(), cancellationToken);
        }
        catch (Exception ex) when (events.Count == 1 && ex.IsUniqueViolation(InboxMessageConfiguration.PrimaryKey))
        {
            // An earlier or concurrent delivery of the same event committed first; its effects stand and ours rolled back.
            return;
        }
        catch (Exception ex)
        {
            span?.SetStatus(ActivityStatusCode.Error, ex.Message);
            throw;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }

        await AfterCommitAsync(cancellationToken);
    }

    /// <summary>Applies one event in a transaction of its own; a failure is one only if no earlier delivery applied it.</summary>
    private async Task ApplyOneAsync(EventBatch<TEvent> batch, TEvent e, CancellationToken cancellationToken)
    {
        try
        {
            await ApplyAsync(batch, [e], cancellationToken);
        }
        catch (Exception)
        {
            if (await WasConsumedAsync(e.EventId, cancellationToken)) return;
            throw;
        }
    }

    private Task<bool> WasConsumedAsync(Guid eventId, CancellationToken cancellationToken) =>
        db.InboxMessages.AnyAsync(m => m.Consumer == ConsumerName && m.EventId == eventId, cancellationToken);
}
