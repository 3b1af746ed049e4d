using EnhanceFund.Notifications.Infrastructure;

namespace EnhanceFund.Notifications.Application;

/// <summary>Pushes the user's unread count to all their tabs, as a change of it would.</summary>
public sealed record AnnounceUnreadCount(long UserId) : IRequest;

internal sealed class AnnounceUnreadCountHandler(NotificationsDbContext db, INotificationPush push) : IRequestHandler<AnnounceUnreadCount>
{
    public async Task<Unit> Handle(AnnounceUnreadCount command, CancellationToken cancellationToken)
    {
        await db.PushUnreadCountsAsync(push, [command.UserId], cancellationToken);
        return Unit.Value;
    }
}
