using EnhanceFund.Notifications.Infrastructure;

namespace EnhanceFund.Notifications.Application;

/// <summary>Pushes the user's unread count to all their tabs, as a change of it would; answers the count.</summary>
public sealed record AnnounceUnreadCount(long UserId) : IRequest<int>;

internal sealed class AnnounceUnreadCountHandler(NotificationsDbContext db, INotificationPush push) : IRequestHandler<AnnounceUnreadCount, int>
{
    public async Task<int> Handle(AnnounceUnreadCount command, CancellationToken cancellationToken)
    {
        var unread = (await db.VersionedUnreadCountsAsync([command.UserId], cancellationToken))[command.UserId];
        push.UnreadCount(command.UserId, unread);
        return unread.Count;
    }
}
