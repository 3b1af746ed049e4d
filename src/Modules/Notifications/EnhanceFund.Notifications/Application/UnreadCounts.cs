using EnhanceFund.Notifications.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EnhanceFund.Notifications.Application;

internal static class UnreadCounts
{
    /// <summary>Sums the user's unread counters: at most one row per notification type, whatever the history.</summary>
    public static Task<int> UnreadCountAsync(this NotificationsDbContext db, long userId, CancellationToken cancellationToken) =>
        db.Counts.Where(c => c.UserId == userId && !c.IsRead).SumAsync(c => c.Count, cancellationToken);

    /// <summary>Tells every open tab of the user the new unread count.</summary>
    public static async Task PushUnreadCountAsync(
        this NotificationsDbContext db, INotificationPush push, long userId, CancellationToken cancellationToken) =>
        await push.UnreadCountChangedAsync(userId, await db.UnreadCountAsync(userId, cancellationToken), cancellationToken);
}
