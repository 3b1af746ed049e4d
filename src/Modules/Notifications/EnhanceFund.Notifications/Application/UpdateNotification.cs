using EnhanceFund.Notifications.Infrastructure;

namespace EnhanceFund.Notifications.Application;

/// <summary>Marks one notification read or unread, archives or unarchives it; null leaves a state as it is.</summary>
public sealed record UpdateNotification(long UserId, long NotificationId, bool? IsRead, bool? IsArchived) : IRequest<Result<NotificationDto>>;

internal sealed class UpdateNotificationHandler(
    NotificationsDbContext db, INotificationPush push, NotificationReadCache readCache, CenterChangeGate gate)
    : IRequestHandler<UpdateNotification, Result<NotificationDto>>
{
    public async Task<Result<NotificationDto>> Handle(UpdateNotification command, CancellationToken cancellationToken)
    {
        using var turn = await gate.EnterAsync(command.UserId, cancellationToken);
        // Locked while it changes: a change decided on a state another request has changed since (archived it, say)
        // would break the rule that archived notifications are read.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // A notification that a mark-all-read marked (ReadMarkSql) would stay read whatever its own flag says: its
        // user's marks are written into the rows first. Only marking unread needs it, so only that pays for it.
        if (command.IsRead == false)
            await db.Database.ExecuteSqlAsync($"SELECT notifications.fold_read_marks({command.UserId})", cancellationToken);
        // Locked first, read after: a statement that waits for the row reads it anew but its marks as they were when the
        // statement began, so a mark another instance's mark-unread folded away meanwhile would still make it read.
        await db.Database.ExecuteSqlAsync(
            $"SELECT 1 FROM notifications.notifications WHERE id = {command.NotificationId} AND user_id = {command.UserId} FOR UPDATE",
            cancellationToken);
        var notification = await db.Notifications
            .FromSqlRaw($"{ReadMarkSql.ReadNowQuery} WHERE n.id = {{0}} AND n.user_id = {{1}}", command.NotificationId, command.UserId)
            .SingleOrDefaultAsync(cancellationToken);
        if (notification is null) return await UnchangedAsync(Error.NotFoundOf("Notification"));

        var (wasRead, wasArchived) = (notification.IsRead, notification.IsArchived);
        if (notification.Change(command.IsRead, command.IsArchived) is { } refused) return await UnchangedAsync(refused);
        var updated = NotificationDto.From(notification);
        if (notification.IsRead == wasRead && notification.IsArchived == wasArchived) return await UnchangedAsync(updated);

        // Its own flag may still say unread where a mark says read: written whenever the row is, so an archived row
        // is read by its own flag too (the table's check).
        db.Entry(notification).Property(n => n.IsRead).IsModified = true;
        // From here on not the request's token: a client gone away could stop us after PostgreSQL committed, and the
        // change would then never be announced.
        await db.SaveChangesAsync(CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
        await db.AnnounceChangeAsync(
            readCache, push, command.UserId, CenterChange.Updated(updated), unreadCountMoved: notification.IsRead != wasRead, CancellationToken.None);
        return updated;

        // Committed though nothing changed: the folded marks are kept. They change no one's read state, and rolled
        // back, the next mark-unread would rewrite the same rows (every one a mark-all-read covered) all over again.
        async Task<Result<NotificationDto>> UnchangedAsync(Result<NotificationDto> answer)
        {
            await transaction.CommitAsync(CancellationToken.None);
            return answer;
        }
    }
}
