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
/// Delivers one module's outbox. Each batch is claimed with <c>FOR UPDATE SKIP LOCKED</c> and held until
/// its outcome is written, so relays on other instances take other rows and no row is in two hands.
/// A message that fails is rescheduled with backoff (or parked) without holding back the rest.
/// </summary>
public sealed class OutboxRelay<TContext>(
    TContext db,
    IServiceScopeFactory scopes,
    EventTypeRegistry registry,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxRelay<TContext>> logger)
    where TContext : ModuleDbContext
{
    private readonly OutboxOptions _options = options.Value;

    /// <summary>
    /// Relays one batch; returns how many messages it claimed. <paramref name="stopping"/> ends the batch after the
    /// message in hand: the outcomes so far are saved and the rest released, for the next start or another instance.
    /// A delivery is never cut off half-way, which would only roll it back to be delivered again.
    /// </summary>
    public async Task<int> RelayBatchAsync(CancellationToken stopping)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(stopping);
        var batch = await db.OutboxMessages
            .FromSqlRaw(ClaimSql(), _options.BatchSize)
            .ToListAsync(stopping);

        foreach (var message in batch)
        {
            if (stopping.IsCancellationRequested) break;
            await DeliverAsync(message);
        }

        await db.SaveChangesAsync(CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
        db.ChangeTracker.Clear();
        return batch.Count;
    }

    private string ClaimSql()
    {
        var table = db.Model.FindEntityType(typeof(OutboxMessage))!;
        return $$"""
            SELECT * FROM "{{table.GetSchema()}}"."{{table.GetTableName()}}"
            WHERE processed_at IS NULL AND parked_at IS NULL AND next_attempt_at <= now()
            ORDER BY next_attempt_at
            LIMIT {0}
            FOR UPDATE SKIP LOCKED
            """;
    }

    private async Task DeliverAsync(OutboxMessage message)
    {
        try
        {
            var integrationEvent = Deserialize(message);
            // A scope per message: consumers get fresh DbContexts, untouched by any earlier message's failure.
            using var scope = scopes.CreateScope();
            await scope.ServiceProvider.GetRequiredService<IMediator>().Publish(integrationEvent, CancellationToken.None);
            message.MarkProcessed(clock.GetUtcNow());
            OutboxMetrics.Delivered.Add(1);
        }
        catch (Exception ex)
        {
            var parked = message.RecordFailure(ex.ToString(), clock.GetUtcNow(), _options);
            if (parked)
            {
                OutboxMetrics.Parked.Add(1);
                logger.LogError(ex, "Outbox message {MessageId} ({EventType}) parked after {Attempts} attempts",
                    message.Id, message.Type, message.Attempts);
            }
            else
            {
                OutboxMetrics.Failed.Add(1);
                logger.LogWarning(ex, "Outbox message {MessageId} ({EventType}) failed attempt {Attempts}; retrying at {NextAttemptAt}",
                    message.Id, message.Type, message.Attempts, message.NextAttemptAt);
            }
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
