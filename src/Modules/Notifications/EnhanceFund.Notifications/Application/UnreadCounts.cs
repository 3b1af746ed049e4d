using EnhanceFund.Notifications.Infrastructure;

namespace EnhanceFund.Notifications.Application;

internal static class UnreadCounts
{
    /// <summary>
    /// Sums the user's unread counters: at most one row per notification type, whatever the history. Archived
    /// notifications are always read, so they count nowhere here.
    /// </summary>
    public static Task<int> UnreadCountAsync(this NotificationsDbContext db, long userId, CancellationToken cancellationToken) =>
        db.Counts.Where(c => c.UserId == userId && !c.IsRead).SumAsync(c => c.Count, cancellationToken);

    /// <summary>The unread counts of several users in one query; a user with none unread is 0.</summary>
    public static async Task<Dictionary<long, int>> UnreadCountsAsync(
        this NotificationsDbContext db, IReadOnlyCollection<long> userIds, CancellationToken cancellationToken)
    {
        var counts = await db.Counts
            .Where(c => userIds.Contains(c.UserId) && !c.IsRead)
            .GroupBy(c => c.UserId)
            .Select(g => new { UserId = g.Key, Unread = g.Sum(c => c.Count) })
            .ToDictionaryAsync(c => c.UserId, c => c.Unread, cancellationToken);
        return userIds.ToDictionary(id => id, id => counts.GetValueOrDefault(id));
    }

    /// <summary>
    /// Queues the user's new unread count for every open tab, after a commit that changed it. The caller has made
    /// <see cref="NotificationReadCache"/> forget the user first, so that a tab hearing the push and asking for its
    /// badge is not answered from before the change (other instances hear of it from PostgreSQL).
    /// </summary>
    public static async Task PushUnreadCountAsync(
        this NotificationsDbContext db, INotificationPush push, long userId, CancellationToken cancellationToken) =>
        push.UnreadCount(userId, await db.UnreadCountAsync(userId, cancellationToken));
}
