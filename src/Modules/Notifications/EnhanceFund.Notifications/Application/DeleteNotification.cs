using EnhanceFund.Notifications.Infrastructure;

namespace EnhanceFund.Notifications.Application;

/// <summary>Deletes one of the user's notifications for good; its seq stays a hole, never handed out again.</summary>
public sealed record DeleteNotification(long UserId, long NotificationId) : IRequest<Result<int>>;

internal sealed class DeleteNotificationHandler(
    NotificationsDbContext db, INotificationPush push, NotificationReadCache readCache, CenterChangeGate gate)
    : IRequestHandler<DeleteNotification, Result<int>>
{
    public async Task<Result<int>> Handle(DeleteNotification command, CancellationToken cancellationToken)
    {
        using var turn = await gate.EnterAsync(command.UserId, cancellationToken);
        // One statement, so what it deleted is what it says it deleted, whatever else happens to the row meanwhile. Not
        // the request's token: a client gone away could stop us after the delete committed, and it would go unannounced.
        var wasRead = await db.Database
            .SqlQuery<bool>(
                $"""
                DELETE FROM notifications.notifications WHERE id = {command.NotificationId} AND user_id = {command.UserId}
                RETURNING notifications.read_now(is_read, user_id, notification_type, seq) AS "Value"
                """)
            .ToListAsync(CancellationToken.None);
        if (wasRead.Count == 0) return Error.NotFoundOf("Notification");

        await db.AnnounceChangeAsync(
            readCache, push, command.UserId, CenterChange.Deleted(command.NotificationId), unreadCountMoved: !wasRead[0], CancellationToken.None);
        return wasRead.Count;
    }
}
