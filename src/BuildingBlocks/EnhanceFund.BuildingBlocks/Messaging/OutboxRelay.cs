using System.Diagnostics;
using System.Text.Json;
using EnhanceFund.BuildingBlocks.Contracts;
using EnhanceFund.BuildingBlocks.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EnhanceFund.BuildingBlocks.Messaging;

/// <summary>
/// Delivers one module's outbox. Each batch is claimed with <c>FOR UPDATE SKIP LOCKED</c> and held until its outcome
/// is written, so relays on other instances take other rows and no row is in two hands. The claim marks the batch
/// delivered; a failure or a stop puts a message's mark back, and a rollback (the relay dies) puts them all back.
/// Consecutive messages of one type go to their consumers as one <see cref="EventBatch{TEvent}"/>; a message that
/// fails is rescheduled with backoff (or parked) without holding back the rest. Due times are PostgreSQL's clock on
/// both sides, so hosts whose clocks disagree still agree on what is due.
/// </summary>
public sealed class OutboxRelay<TContext>(
    TContext db,
    IServiceScopeFactory scopes,
    EventTypeRegistry registry,
    OutboxMetrics metrics,
    TimeProvider clock,
    IOptions<OutboxOptions> options,
    ILogger<OutboxRelay<TContext>> logger)
    where TContext : ModuleDbContext
{
    private readonly OutboxOptions _options = options.Value;
    private readonly OutboxSql _sql = new(db);

    /// <summary>
    /// Relays one batch; returns how many messages it claimed. <paramref name="stopping"/> ends the batch after the
    /// run of messages in hand: the outcomes so far are saved and the rest released, for the next start or another
    /// instance. A delivery is never cut off half-way, which would only roll it back to be delivered again.
    /// </summary>
    public async Task<int> RelayBatchAsync(CancellationToken stopping)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(stopping);
        // Claimed already marked delivered: what succeeds needs no statement of its own.
        var batch = await ClaimAsync(stopping);
        var (attempted, failures) = await DeliverAsync(batch, stopping);
        await ReleaseAsync(batch.Except(attempted).ToList());
        var recorded = new List<(OutboxMessage Message, Exception Error, DeliveryFailure Failure)>(failures.Count);
        foreach (var message in attempted)
            if (failures.TryGetValue(message.Id, out var error)) recorded.Add((message, error, await RecordFailureAsync(message, error)));
        await transaction.CommitAsync(CancellationToken.None);
        // Counted and logged once committed: a commit that fails leaves nothing retried or parked.
        CountDelivered(attempted.Where(m => !failures.ContainsKey(m.Id)).ToList());
        foreach (var (message, error, failure) in recorded) ReportFailure(message, error, failure);
        return batch.Count;
    }

    private Task<List<OutboxMessage>> ClaimAsync(CancellationToken cancellationToken) =>
        db.QueryAsync(_sql.Claim, OutboxSql.ReadClaimed, cancellationToken, _options.BatchSize);

    /// <summary>
    /// Publishes runs of one event type, in claim order, each to its consumers as one batch; returns the messages
    /// attempted (those after a stop are not) and the failures among them.
    /// </summary>
    private async Task<(List<OutboxMessage> Attempted, Dictionary<Guid, Exception> Failures)> DeliverAsync(
        List<OutboxMessage> batch, CancellationToken stopping)
    {
        var attempted = new List<OutboxMessage>(batch.Count);
        var failures = new Dictionary<Guid, Exception>();
        var events = new List<(OutboxMessage Message, IIntegrationEvent Event)>(batch.Count);
        foreach (var message in batch)
        {
            try
            {
                events.Add((message, Deserialize(message)));
            }
            catch (Exception ex)
            {
                failures[message.Id] = ex;
                attempted.Add(message);
            }
        }

        foreach (var run in RunsOfOneType(events))
        {
            if (stopping.IsCancellationRequested) break;
            var traceContexts = TraceContextsOf(run);
            var eventBatch = IEventBatch.Of(run[0].Event.GetType(), run.Select(r => r.Event).ToList(), traceContexts);
            using var delivery = OutboxTracing.StartDelivery(_sql.Module, run[0].Message.Type, traceContexts?.Values ?? Enumerable.Empty<ActivityContext>(), run.Count);
            try
            {
                // A scope per run: consumers get fresh DbContexts, untouched by any earlier run's failure.
                using var scope = scopes.CreateScope();
                await scope.ServiceProvider.GetRequiredService<IMediator>().Publish(eventBatch, CancellationToken.None);
            }
            catch (Exception ex)
            {
                delivery?.SetStatus(ActivityStatusCode.Error, ex.Message);
                foreach (var (eventId, error) in FailuresOf(ex, eventBatch)) failures[eventId] = error;
            }

            attempted.AddRange(run.Select(r => r.Message));
        }

        return (attempted, failures);
    }

    /// <summary>The stored trace context of each event raised by traced work; null when none was, or nothing traces now.</summary>
    private static Dictionary<Guid, ActivityContext>? TraceContextsOf(List<(OutboxMessage Message, IIntegrationEvent Event)> run)
    {
        if (!OutboxTracing.IsTracing) return null;
        Dictionary<Guid, ActivityContext>? contexts = null;
        foreach (var (message, _) in run)
            if (OutboxTracing.ContextOf(message) is var context && context != default) (contexts ??= [])[message.Id] = context;
        return contexts;
    }

    private static IEnumerable<List<(OutboxMessage Message, IIntegrationEvent Event)>> RunsOfOneType(
        List<(OutboxMessage Message, IIntegrationEvent Event)> events)
    {
        var run = new List<(OutboxMessage, IIntegrationEvent)>();
        foreach (var item in events)
        {
            if (run.Count > 0 && run[0].Item1.Type != item.Message.Type)
            {
                yield return run;
                run = [];
            }

            run.Add(item);
        }

        if (run.Count > 0) yield return run;
    }

    /// <summary>
    /// Which events failed: those a consumer named in <see cref="EventsFailedException"/>, or every event of the batch
    /// for any other exception. Several consumers' failures of one event are kept together.
    /// </summary>
    private static Dictionary<Guid, Exception> FailuresOf(Exception publishFailure, IEventBatch batch)
    {
        var failures = new Dictionary<Guid, List<Exception>>();
        var causes = publishFailure is AggregateException aggregate ? aggregate.InnerExceptions : [publishFailure];
        foreach (var cause in causes)
        {
            var failed = cause is EventsFailedException some
                ? some.Failures
                : batch.Events.ToDictionary(e => e.EventId, _ => cause);
            foreach (var (eventId, error) in failed)
            {
                if (!failures.TryGetValue(eventId, out var errors)) failures[eventId] = errors = [];
                errors.Add(error);
            }
        }

        return failures.ToDictionary(f => f.Key, f => f.Value.Count == 1 ? f.Value[0] : new AggregateException(f.Value));
    }

    /// <summary>Puts back what a stop left undelivered, for the next start or another instance.</summary>
    private Task ReleaseAsync(List<OutboxMessage> undelivered) =>
        undelivered.Count == 0
            ? Task.CompletedTask
            : db.Database.ExecuteSqlRawAsync(_sql.Release, undelivered.Select(m => m.Id).ToArray());

    private void CountDelivered(List<OutboxMessage> delivered)
    {
        var now = clock.GetUtcNow();
        foreach (var message in delivered) metrics.Delivered(_sql.Module, message.Type, now - message.OccurredAt);
    }

    private async Task<DeliveryFailure> RecordFailureAsync(OutboxMessage message, Exception error)
    {
        var failure = DeliveryFailure.After(message.Attempts, error.ToString(), _options);
        await db.Database.ExecuteSqlRawAsync(_sql.RecordFailure,
            message.Id, failure.Attempts, failure.Error, failure.RetryAfter, failure.Parked);
        return failure;
    }

    private void ReportFailure(OutboxMessage message, Exception error, DeliveryFailure failure)
    {
        if (failure.Parked)
        {
            metrics.Parked(_sql.Module, message.Type);
            logger.LogError(error, "Outbox message {MessageId} ({EventType}) parked after {Attempts} attempts",
                message.Id, message.Type, failure.Attempts);
        }
        else
        {
            metrics.Failed(_sql.Module, message.Type);
            logger.LogWarning(error, "Outbox message {MessageId} ({EventType}) failed attempt {Attempts}; retrying in {RetryAfter}",
                message.Id, message.Type, failure.Attempts, failure.RetryAfter);
        }
    }

    private IIntegrationEvent Deserialize(OutboxMessage message)
    {
        var type = registry.TypeOf(message.Type)
            ?? throw new InvalidOperationException($"Unknown event type '{message.Type}'.");
        return (IIntegrationEvent)(JsonSerializer.Deserialize(message.Payload, type, EventJson.Options)
            ?? throw new InvalidOperationException($"Outbox message {message.Id} has an empty payload."));
    }
}
