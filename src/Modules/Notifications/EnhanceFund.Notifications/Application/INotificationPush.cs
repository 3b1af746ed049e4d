namespace EnhanceFund.Notifications.Application;

/// <summary>
/// Live delivery to a user's open connections, queued after the commit and sent in the background: no relay, saga
/// step or request ever waits for the network. Best-effort by design: a client that misses a push sees the gap in
/// <c>seq</c> (or is told to <c>resync</c>) and catches up from the database with <c>after_seq</c>.
/// </summary>
public interface INotificationPush
{
    void Notification(long userId, NotificationDto notification);

    /// <summary>
    /// Of the counts queued for a user only the newest (read in the latest snapshot) is sent, and of all the counts that
    /// instances send the user, the last is the newest: an older one may still come between, never after it.
    /// </summary>
    void UnreadCount(long userId, VersionedUnreadCount unreadCount);

    /// <summary>Tells every open tab of the user what one of them changed, in the order it happened.</summary>
    void Change(long userId, CenterChange change);

    /// <summary>
    /// The users' unread counts moved, but could not be read after the commit (<paramref name="cause"/>): their tabs are
    /// owed a resync.
    /// </summary>
    void UnreadCountsLost(IReadOnlyCollection<long> userIds, Exception cause);
}
