namespace EnhanceFund.Notifications.Application;

/// <summary>
/// Live delivery to a user's open connections. Best-effort by design: it runs after the commit, and a client
/// that misses a push catches up from the database with <c>after_id</c>.
/// </summary>
public interface INotificationPush
{
    Task NotificationCreatedAsync(long userId, NotificationDto notification, CancellationToken cancellationToken);

    Task UnreadCountChangedAsync(long userId, int unreadCount, CancellationToken cancellationToken);
}
