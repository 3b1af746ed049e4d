using EnhanceFund.Notifications.Infrastructure;

namespace EnhanceFund.Notifications.Application;

public sealed record GetUnreadCount(long UserId) : IRequest<int>;

internal sealed class GetUnreadCountHandler(NotificationsDbContext db) : IRequestHandler<GetUnreadCount, int>
{
    public Task<int> Handle(GetUnreadCount query, CancellationToken cancellationToken) =>
        db.UnreadCountAsync(query.UserId, cancellationToken);
}
