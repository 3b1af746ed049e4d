using EnhanceFund.Notifications.Infrastructure;

namespace EnhanceFund.Notifications.Application;

/// <summary>Marks the user's unread notifications read: every one, or those of one type.</summary>
public sealed record MarkAllRead(long UserId, string? Type = null) : IRequest<int>;

internal sealed class MarkAllReadHandler(NotificationsDbContext db, INotificationPush push, NotificationReadCache readCache) : IRequestHandler<MarkAllRead, int>
{
    public async Task<int> Handle(MarkAllRead command, CancellationToken cancellationToken)
    {
        // Two statements that change many of one user's rows (this, and a mark-all-read of one type, say) would
        // deadlock if each locked its rows in its own order: they take the user's lock for it first, and wait for
        // each other. (Locking the rows in id order first did the same, at the price of writing every row twice.)
        // Archived notifications are always read: none is unread here.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(7002, hashtext({command.UserId}::text))", cancellationToken);
        var updated = await db.Database.ExecuteSqlAsync(
            $"""
            UPDATE notifications.notifications SET is_read = true
            WHERE user_id = {command.UserId} AND NOT is_read AND ({command.Type}::text IS NULL OR notification_type = {command.Type})
            """, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        // Other tabs learn of it from the new count alone.
        if (updated > 0) await db.AnnounceChangeAsync(readCache, push, command.UserId, change: null, unreadCountMoved: true, cancellationToken);
        return updated;
    }
}
