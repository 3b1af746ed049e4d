using EnhanceFund.BuildingBlocks.Modules;
using EnhanceFund.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;

namespace EnhanceFund.BuildingBlocks.Messaging;

/// <summary>
/// Deletes what a module no longer needs, after <see cref="OutboxOptions.Retention"/>:
/// <list type="bullet">
/// <item>delivered outbox rows;</item>
/// <item>inbox rows, but only of events that can no longer be delivered: an event whose outbox row (in whichever
/// module published it) is still pending or parked may be delivered again, by a retry or an admin's requeue, and its
/// inbox row is what keeps that delivery from applying an effect twice;</item>
/// <item>Idempotency-Key outcomes older than <see cref="IdempotencyKeyOptions.Retention"/>.</item>
/// </list>
/// </summary>
[DisallowConcurrentExecution]
public sealed class ModuleCleanupJob<TContext>(
    TContext db,
    IEnumerable<ModuleDatabase> modules,
    IOptions<OutboxOptions> outbox,
    IOptions<IdempotencyKeyOptions> idempotency,
    TimeProvider clock) : IJob
    where TContext : ModuleDbContext
{
    public async Task Execute(IJobExecutionContext context)
    {
        var cancellationToken = context.CancellationToken;
        var batchSize = outbox.Value.CleanupBatchSize;
        var now = clock.GetUtcNow();
        var cutoff = now - outbox.Value.Retention;
        await DeleteInBatchesAsync(
            () => db.OutboxMessages.Where(m => m.ProcessedAt < cutoff).OrderBy(m => m.ProcessedAt).Take(batchSize)
                .ExecuteDeleteAsync(cancellationToken),
            batchSize, cancellationToken);
        await DeleteInBatchesAsync(
            () => db.Database.ExecuteSqlRawAsync(DeleteUndeliverableInboxRows(), [cutoff, batchSize], cancellationToken),
            batchSize, cancellationToken);
        if (db.Model.FindEntityType(typeof(IdempotencyRecord)) is not null)
        {
            var expired = now - idempotency.Value.Retention;
            await DeleteInBatchesAsync(
                () => db.Set<IdempotencyRecord>().Where(r => r.CreatedAt < expired).OrderBy(r => r.CreatedAt).Take(batchSize)
                    .ExecuteDeleteAsync(cancellationToken),
                batchSize, cancellationToken);
        }
    }

    /// <summary>
    /// Each batch is a statement of its own, committed on its own: a week's backlog goes in short transactions, none
    /// holding its locks until the last row is gone.
    /// </summary>
    private static async Task DeleteInBatchesAsync(Func<Task<int>> deleteBatch, int batchSize, CancellationToken cancellationToken)
    {
        while (await deleteBatch() == batchSize && !cancellationToken.IsCancellationRequested)
        {
        }
    }

    // Schema names come from the modules' code, never from input.
    private string DeleteUndeliverableInboxRows()
    {
        var schema = db.Model.GetDefaultSchema();
        var stillDeliverable = modules.Select(m =>
            $"""AND NOT EXISTS (SELECT 1 FROM "{m.Schema}".outbox_messages o WHERE o.id = i.event_id AND o.processed_at IS NULL)""");
        return $$"""
            DELETE FROM "{{schema}}".inbox_messages WHERE (event_id, consumer) IN (
                SELECT i.event_id, i.consumer FROM "{{schema}}".inbox_messages i
                WHERE i.processed_at < {0} {{string.Join(" ", stillDeliverable)}}
                ORDER BY i.processed_at LIMIT {1})
            """;
    }
}
