using EnhanceFund.Notifications.Infrastructure;

namespace EnhanceFund.Notifications.Application;

/// <summary>Marks the user's unread notifications read: every one, or those of one type.</summary>
public sealed record MarkAllRead(long UserId, string? Type = null) : IRequest<int>;

internal sealed class MarkAllReadHandler(NotificationsDbContext db, INotificationPush push, UnreadCountCache unreadCounts) : IRequestHandler<MarkAllRead, int>
{
    public async Task<int> Handle(MarkAllRead command, CancellationToken cancellationToken)
    {
        // The rows are locked in id order before they change: two statements that change many of one user's rows
        // (this and a mark-all-read of one type, say) then wait for each other instead of deadlocking.
        // Archived notifications are always read: none is unread here.
        var updated = await db.Database.ExecuteSqlAsync(
            $"""
            WITH unread AS (
                SELECT id FROM notifications.notifications
                WHERE user_id = {command.UserId} AND NOT is_read AND ({command.Type}::text IS NULL OR notification_type = {command.Type})
                ORDER BY id FOR UPDATE
            )
            UPDATE notifications.notifications n SET is_read = true FROM unread WHERE n.id = unread.id
            """, cancellationToken);
        if (updated > 0) await db.UnreadCountChangedAsync(push, unreadCounts, command.UserId, cancellationToken);
        return updated;
    }
}
