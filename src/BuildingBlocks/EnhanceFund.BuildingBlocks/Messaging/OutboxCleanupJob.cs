using EnhanceFund.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;

namespace EnhanceFund.BuildingBlocks.Messaging;

/// <summary>
/// Deletes delivered outbox rows and old inbox rows. An inbox row only has to outlive the redeliveries of
/// its event, which stop once the outbox row is marked processed, so one retention serves both.
/// </summary>
[DisallowConcurrentExecution]
public sealed class OutboxCleanupJob<TContext>(TContext db, IOptions<OutboxOptions> options, TimeProvider clock) : IJob
    where TContext : ModuleDbContext
{
    public async Task Execute(IJobExecutionContext context)
    {
        var cutoff = clock.GetUtcNow() - options.Value.Retention;
        await db.OutboxMessages.Where(m => m.ProcessedAt < cutoff).ExecuteDeleteAsync(context.CancellationToken);
        await db.InboxMessages.Where(m => m.ProcessedAt < cutoff).ExecuteDeleteAsync(context.CancellationToken);
    }
}
