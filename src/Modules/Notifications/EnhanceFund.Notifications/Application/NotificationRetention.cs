using EnhanceFund.BuildingBlocks.Configuration;
using EnhanceFund.Notifications.Infrastructure;
using Microsoft.Extensions.Options;
using Quartz;

namespace EnhanceFund.Notifications.Application;

/// <summary>
/// Deletes notifications older than <see cref="RetentionOptions.Retention"/>, oldest first, one bounded batch per
/// transaction until none is left. The delete trigger moves the counters with each batch; users who lost unread
/// notifications are pushed their new count.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class NotificationRetentionJob(
    NotificationsDbContext db, INotificationPush push, NotificationReadCache readCache, IOptions<RetentionOptions> options, TimeProvider clock)
    : IJob
{
    public async Task Execute(IJobExecutionContext context)
    {
        var cancellationToken = context.CancellationToken;
        var cutoff = clock.GetUtcNow() - options.Value.Retention;
        var batchSize = options.Value.RetentionBatchSize;
        int deleted;
        do
        {
            // SKIP LOCKED: a row a user is changing right now, or another instance's batch holds, is left for later
            // rather than waited for, so the job never holds locks while waiting for a row lock.
            // Each deleted row answers its user's id if it was unread, else null.
            var rows = await db.Database.SqlQuery<long?>(
                $"""
                WITH expired AS (
                    SELECT id FROM notifications.notifications WHERE created_at < {cutoff}
                    ORDER BY created_at LIMIT {batchSize} FOR UPDATE SKIP LOCKED
                ), deleted AS (
                    DELETE FROM notifications.notifications n USING expired WHERE n.id = expired.id
                    RETURNING n.user_id, notifications.read_now(n.is_read, n.user_id, n.notification_type, n.seq) AS read
                )
                SELECT CASE WHEN read THEN NULL ELSE user_id END AS "Value" FROM deleted
                """).ToListAsync(cancellationToken);
            deleted = rows.Count;

            var lostUnread = rows.OfType<long>().Distinct().ToList();
            if (lostUnread.Count == 0) continue;
            foreach (var userId in lostUnread) readCache.Forget(userId);
            await db.PushUnreadCountsAsync(push, lostUnread, cancellationToken);
        }
        while (deleted == batchSize && !cancellationToken.IsCancellationRequested);
    }
}

/// <summary>How long notifications are kept, bound from the <c>Notifications</c> configuration section.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Notifications";

    /// <summary>Notifications older than this are deleted.</summary>
    [Positive]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(365);

    /// <summary>How often the deletion runs.</summary>
    [Positive]
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Rows deleted per transaction: each batch holds its locks briefly, however large the backlog.</summary>
    [Positive]
    public int RetentionBatchSize { get; set; } = 1000;
}
