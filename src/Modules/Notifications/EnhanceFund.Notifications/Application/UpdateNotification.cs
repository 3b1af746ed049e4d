using EnhanceFund.Notifications.Infrastructure;

namespace EnhanceFund.Notifications.Application;

/// <summary>Marks one notification read or unread, archives or unarchives it; null leaves a state as it is.</summary>
public sealed record UpdateNotification(long UserId, long NotificationId, bool? IsRead, bool? IsArchived) : IRequest<Result<NotificationDto>>;

internal sealed class UpdateNotificationHandler(NotificationsDbContext db, INotificationPush push, NotificationReadCache readCache)
    : IRequestHandler<UpdateNotification, Result<NotificationDto>>
{
    public async Task<Result<NotificationDto>> Handle(UpdateNotification command, CancellationToken cancellationToken)
    {
        // Locked while it changes: a change decided on a state another request has changed since (archived it, say)
        // would break the rule that archived notifications are read.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var notification = await db.Notifications
            .FromSql($"SELECT * FROM notifications.notifications WHERE id = {command.NotificationId} AND user_id = {command.UserId} FOR UPDATE")
            .SingleOrDefaultAsync(cancellationToken);
        if (notification is null) return Error.NotFoundOf("Notification");

        var (wasRead, wasArchived) = (notification.IsRead, notification.IsArchived);
        if (notification.Change(command.IsRead, command.IsArchived) is { } refused) return refused;
        var updated = NotificationDto.From(notification);
        if (notification.IsRead == wasRead && notification.IsArchived == wasArchived) return updated;

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await db.AnnounceChangeAsync(
            readCache, push, command.UserId, CenterChange.Updated(updated), unreadCountMoved: notification.IsRead != wasRead, cancellationToken);
        return updated;
    }
}
