using EnhanceFund.BuildingBlocks.Web.Auth;
using EnhanceFund.Notifications.Application;
using EnhanceFund.Notifications.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace EnhanceFund.Notifications.Endpoints.Realtime;

/// <summary>
/// Server-to-client only: <c>notification</c> and <c>unread_count</c>. A (re)connected client is told its
/// unread count at once, so a badge is right even before it fetches anything.
/// </summary>
[Authorize]
public sealed class NotificationsHub(NotificationsDbContext db) : Hub
{
    public const string Path = "/hubs/notifications";

    public override async Task OnConnectedAsync()
    {
        var unread = await db.UnreadCountAsync(Context.User!.UserId(), Context.ConnectionAborted);
        await Clients.Caller.SendAsync(LivePushSender.UnreadCountMethod, new { unread_count = unread }, Context.ConnectionAborted);
    }
}
