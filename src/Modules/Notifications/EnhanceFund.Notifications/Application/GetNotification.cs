using EnhanceFund.Notifications.Infrastructure;

namespace EnhanceFund.Notifications.Application;

public sealed record GetNotification(long UserId, long NotificationId) : IRequest<Result<NotificationDto>>;

internal sealed class GetNotificationHandler(NotificationsDbContext db) : IRequestHandler<GetNotification, Result<NotificationDto>>
{
    // Someone else's notification gets the same answer as a missing one: its existence is not ours to reveal.
    public Task<Result<NotificationDto>> Handle(GetNotification query, CancellationToken cancellationToken) =>
        db.Notifications.AsNoTracking().Where(n => n.UserId == query.UserId)
            .SingleOrErrorAsync(n => n.Id == query.NotificationId, Error.NotFoundOf("Notification"), NotificationDto.From, cancellationToken);
}
