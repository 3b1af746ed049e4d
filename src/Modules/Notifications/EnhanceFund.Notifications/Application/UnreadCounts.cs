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

    /// <summary>
    /// The unread counts of several users (0 for one with none unread), each with the snapshot the statement read them
    /// in (<see cref="ReadSnapshot"/>), for a push. Read after the change's commit, never inside its transaction: a read
    /// there sees the transaction's own change but not a concurrent one that commits first, and its snapshot would not
    /// order it among the others.
    /// </summary>
    public static async Task<Dictionary<long, VersionedUnreadCount>> VersionedUnreadCountsAsync(
        this NotificationsDbContext db, IReadOnlyCollection<long> userIds, CancellationToken cancellationToken)
    {
        var rows = await db.QueryAsync(
            VersionedUnreadCountsSql,
            reader => (UserId: reader.GetInt64(0), Count: new VersionedUnreadCount(reader.GetInt32(1), new ReadSnapshot(reader.GetInt64(2), reader.GetInt32(3)))),
            cancellationToken,
            userIds.ToArray());
        return rows.ToDictionary(r => r.UserId, r => r.Count);
    }

    /// <summary>
    /// Reads the users' unread counts, after the commit that moved them, and queues each for every open tab of its user:
    /// every count the live push sends goes through here. Should the read fail (the request went away, the database
    /// did), the change has committed all the same and nothing would announce it: each user is owed a resync instead,
    /// and the caller goes on as if the count had been read. Throwing would tell a request's client that a change it
    /// made had failed (a DELETE retried would then be a 404), and a relay to deliver again what it had delivered.
    /// </summary>
    public static async Task PushUnreadCountsAsync(
        this NotificationsDbContext db, INotificationPush push, IReadOnlyCollection<long> userIds, CancellationToken cancellationToken)
    {
        if (userIds.Count == 0) return;
        Dictionary<long, VersionedUnreadCount> counts;
        try
        {
            counts = await db.VersionedUnreadCountsAsync(userIds, cancellationToken);
        }
        catch (Exception ex)
        {
            push.UnreadCountsLost(userIds, ex);
            return;
        }

        foreach (var (userId, unread) in counts) push.UnreadCount(userId, unread);
    }

    // pg_current_snapshot() is the statement's own snapshot: the one the sums are read in.
    private const string VersionedUnreadCountsSql = """
        SELECT u.user_id,
               coalesce((SELECT sum(c.count) FROM notifications.notification_counts c WHERE c.user_id = u.user_id AND NOT c.is_read), 0)::int,
               pg_snapshot_xmax(s.snapshot)::text::bigint,
               (SELECT count(*) FROM pg_snapshot_xip(s.snapshot))::int
        FROM unnest($1::bigint[]) AS u(user_id), (SELECT pg_current_snapshot() AS snapshot) s
        """;

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
        if (unreadCountMoved) await db.PushUnreadCountsAsync(push, [userId], cancellationToken);
    }
}
