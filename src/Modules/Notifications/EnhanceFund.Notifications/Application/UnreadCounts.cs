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
    /// After a commit that changed the user's notifications, in this order: this instance forgets the count and first
    /// page it kept of the user, so a tab that hears a push and reloads from here is not answered from before the
    /// change (other instances hear of it from PostgreSQL); then the change, if other tabs must show it, and the new
    /// unread count, if it moved, are queued for every open tab.
    /// </summary>
    public static async Task AnnounceChangeAsync(
        this NotificationsDbContext db, NotificationReadCache readCache, INotificationPush push, long userId,
        CenterChange? change, bool unreadCountMoved, CancellationToken cancellationToken)
    {
        readCache.Forget(userId);
        if (change is not null) push.Change(userId, change);
        if (unreadCountMoved) push.UnreadCount(userId, await db.UnreadCountAsync(userId, cancellationToken));
    }
}
