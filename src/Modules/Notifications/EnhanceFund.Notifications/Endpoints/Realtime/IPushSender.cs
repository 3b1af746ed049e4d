using EnhanceFund.Notifications.Application;

namespace EnhanceFund.Notifications.Endpoints.Realtime;

/// <summary>
/// Sends one push to every connection of a user. Each call returns null when the push was sent, else why it was
/// dropped. An interface so that tests can lose a push on purpose where the network would.
/// </summary>
internal interface IPushSender
{
    Task<string?> NotificationAsync(long userId, NotificationDto notification, CancellationToken cancellationToken);

    Task<string?> UnreadCountAsync(long userId, VersionedUnreadCount unreadCount, CancellationToken cancellationToken);

    Task<string?> ResyncAsync(long userId, CancellationToken cancellationToken);

    Task<string?> ChangeAsync(long userId, CenterChange change, CancellationToken cancellationToken);
}
