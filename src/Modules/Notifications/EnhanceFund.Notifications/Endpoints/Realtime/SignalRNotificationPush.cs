using EnhanceFund.Notifications.Application;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace EnhanceFund.Notifications.Endpoints.Realtime;

/// <summary>
/// Sends to every connection of the user on every instance (the Redis backplane fans out). A failed push is
/// logged, never thrown: the notification is committed, and the client's catch-up will find it.
/// </summary>
internal sealed class SignalRNotificationPush(IHubContext<NotificationsHub> hub, ILogger<SignalRNotificationPush> logger)
    : INotificationPush
{
    public const string NotificationMethod = "notification";
    public const string UnreadCountMethod = "unread_count";

    public Task NotificationCreatedAsync(long userId, NotificationDto notification, CancellationToken cancellationToken) =>
        SendAsync(userId, NotificationMethod, notification, cancellationToken);

    public Task UnreadCountChangedAsync(long userId, int unreadCount, CancellationToken cancellationToken) =>
        SendAsync(userId, UnreadCountMethod, new { unread_count = unreadCount }, cancellationToken);

    private async Task SendAsync(long userId, string method, object payload, CancellationToken cancellationToken)
    {
        try
        {
            await hub.Clients.User(userId.ToString()).SendAsync(method, payload, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Live push of {Method} to user {UserId} failed; the client will catch up from the API", method, userId);
        }
    }
}
