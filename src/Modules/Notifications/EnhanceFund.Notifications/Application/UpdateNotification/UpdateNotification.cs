using EnhanceFund.BuildingBlocks.Domain;
using EnhanceFund.Notifications.Infrastructure;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace EnhanceFund.Notifications.Application.MarkNotification;

public sealed record MarkNotification(long UserId, long NotificationId, bool IsRead) : IRequest<Result<NotificationDto>>;

internal sealed class MarkNotificationHandler(NotificationsDbContext db, INotificationPush push)
    : IRequestHandler<MarkNotification, Result<NotificationDto>>
{
    public async Task<Result<NotificationDto>> Handle(MarkNotification command, CancellationToken cancellationToken)
    {
        var notification = await db.Notifications
            .SingleOrDefaultAsync(n => n.Id == command.NotificationId && n.UserId == command.UserId, cancellationToken);
        if (notification is null) return NotificationErrors.NotFound;

        if (notification.IsRead != command.IsRead)
        {
            notification.MarkRead(command.IsRead);
            await db.SaveChangesAsync(cancellationToken);
            await db.PushUnreadCountAsync(push, command.UserId, cancellationToken);
        }

        return NotificationDto.From(notification);
    }
}
