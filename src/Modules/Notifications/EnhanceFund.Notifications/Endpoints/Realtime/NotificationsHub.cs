using EnhanceFund.Notifications.Application;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace EnhanceFund.Notifications.Endpoints.Realtime;

/// <summary>
/// Server-to-client only: <c>notification</c>, <c>unread_count</c>, <c>resync</c>, and what another tab changed
/// (<c>notification_updated</c>, <c>notification_deleted</c>, <c>preferences</c>). A (re)connected client is told
/// its unread count at once, so a badge is right even before it fetches anything: pushed to all the user's tabs, in its
/// place among the counts other instances push (to the caller alone it could arrive after a newer one).
/// </summary>
[Authorize]
internal sealed class NotificationsHub(IMediator mediator, LocalConnections connections) : Hub
{
    public const string Path = "/hubs/notifications";

    public override async Task OnConnectedAsync()
    {
        connections.Add(Context.ConnectionId);
        try
        {
            await mediator.Send(new AnnounceUnreadCount(Context.User!.UserId()), Context.ConnectionAborted);
        }
        catch
        {
            // SignalR closes a connection whose opening failed without calling OnDisconnectedAsync.
            connections.Remove(Context.ConnectionId);
            throw;
        }
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Remove(Context.ConnectionId);
        return Task.CompletedTask;
    }
}
