using EnhanceFund.BuildingBlocks.Domain;
using EnhanceFund.Notifications.Infrastructure;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace EnhanceFund.Notifications.Application;

public sealed record GetNotification(long UserId, long NotificationId) : IRequest<Result<NotificationDto>>;

internal sealed class GetNotificationHandler(NotificationsDbContext db) : IRequestHandler<GetNotification, Result<NotificationDto>>
{
    public async Task<Result<NotificationDto>> Handle(GetNotification query, CancellationToken cancellationToken)
    {
        var notification = await db.Notifications.AsNoTracking()
            .SingleOrDefaultAsync(n => n.Id == query.NotificationId && n.UserId == query.UserId, cancellationToken);
        return notification is null ? NotificationErrors.NotFound : NotificationDto.From(notification);
    }
}
