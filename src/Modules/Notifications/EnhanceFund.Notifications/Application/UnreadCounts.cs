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
    /// After a commit that changed the user's unread count: this instance forgets what it kept of the user, so that
    /// its answer to the next request (the tab that made the change asking for its badge, say) is not older than the
    /// change (other instances hear of it from PostgreSQL), and the new count is queued for every open tab.
    /// </summary>
    public static async Task UnreadCountChangedAsync(
        this NotificationsDbContext db, INotificationPush push, NotificationReadCache cache, long userId, CancellationToken cancellationToken)
    {
        cache.Forget(userId);
        push.UnreadCount(userId, await db.UnreadCountAsync(userId, cancellationToken));
    }
}
