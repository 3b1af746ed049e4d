using EnhanceFund.Notifications.Application;

namespace EnhanceFund.Notifications.Endpoints;

internal sealed class GetUnreadCountEndpoint(IMediator mediator) : GetOwnEndpoint<int, UnreadCountData>(
    mediator, "/api/notifications/unread-count", "How many of the signed-in user's notifications are unread",
    "Unread count retrieved successfully", userId => new GetUnreadCount(userId), unreadCount => new UnreadCountData(unreadCount));

/// <summary><c>{"unread_count": 3}</c>: answered here, pushed on connect and whenever it changes.</summary>
public sealed record UnreadCountData(int UnreadCount);
