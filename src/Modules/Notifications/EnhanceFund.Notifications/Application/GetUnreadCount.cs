using EnhanceFund.Notifications.Infrastructure;

namespace EnhanceFund.Notifications.Application;

public sealed record GetUnreadCount(long UserId) : IRequest<int>;

internal sealed class GetUnreadCountHandler(NotificationsDbContext db, NotificationReadCache cache) : IRequestHandler<GetUnreadCount, int>
{
    public Task<int> Handle(GetUnreadCount query, CancellationToken cancellationToken) =>
        cache.GetUnreadCountAsync(query.UserId, ct => db.UnreadCountAsync(query.UserId, ct), cancellationToken);
}
