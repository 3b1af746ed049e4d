using EnhanceFund.Notifications.Infrastructure;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace EnhanceFund.Notifications.Application.MarkAllRead;

public sealed record MarkAllRead(long UserId) : IRequest<int>;

internal sealed class MarkAllReadHandler(NotificationsDbContext db, INotificationPush push) : IRequestHandler<MarkAllRead, int>
{
    public async Task<int> Handle(MarkAllRead command, CancellationToken cancellationToken)
    {
        var updated = await db.Notifications
            .Where(n => n.UserId == command.UserId && !n.IsRead)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.IsRead, true), cancellationToken);
        if (updated > 0) await db.PushUnreadCountAsync(push, command.UserId, cancellationToken);
        return updated;
    }
}
