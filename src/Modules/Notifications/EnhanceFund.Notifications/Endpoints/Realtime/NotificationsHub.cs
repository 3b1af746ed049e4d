using EnhanceFund.Notifications.Application;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace EnhanceFund.Notifications.Endpoints.Realtime;

/// <summary>
/// Server-to-client only: <c>notification</c>, <c>unread_count</c> and <c>resync</c>. A (re)connected client is told
/// its unread count at once, so a badge is right even before it fetches anything.
/// </summary>
[Authorize]
internal sealed class NotificationsHub(IMediator mediator, LocalConnections connections) : Hub
{
    public const string Path = "/hubs/notifications";

    public override async Task OnConnectedAsync()
    {
        connections.Add(Context.ConnectionId);
        var unread = await mediator.Send(new GetUnreadCount(Context.User!.UserId()), Context.ConnectionAborted);
        await Clients.Caller.SendAsync(LivePushSender.UnreadCountMethod, new UnreadCountData(unread), Context.ConnectionAborted);
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Remove(Context.ConnectionId);
        return Task.CompletedTask;
    }
}
