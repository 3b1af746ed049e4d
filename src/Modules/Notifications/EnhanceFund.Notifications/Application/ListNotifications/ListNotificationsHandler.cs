using EnhanceFund.BuildingBlocks.Web;
using EnhanceFund.Notifications.Domain;
using EnhanceFund.Notifications.Infrastructure;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace EnhanceFund.Notifications.Application.ListNotifications;

internal sealed class ListNotificationsHandler(NotificationsDbContext db) : IRequestHandler<ListNotifications, NotificationPage>
{
    public async Task<NotificationPage> Handle(ListNotifications query, CancellationToken cancellationToken)
    {
        var (notifications, nextBeforeId) = await ReadPageAsync(query, cancellationToken);

        var counts = await db.Counts.AsNoTracking().Where(c => c.UserId == query.UserId).ToListAsync(cancellationToken);
        var unread = counts.Where(c => !c.IsRead).Sum(c => c.Count);
        var total = counts.Where(c => Matches(c, query)).Sum(c => c.Count);

        return new NotificationPage(notifications, unread, total, nextBeforeId);
    }

    private async Task<(IReadOnlyList<NotificationDto>, long?)> ReadPageAsync(ListNotifications query, CancellationToken cancellationToken)
    {
        var mine = db.Notifications.AsNoTracking().Where(n => n.UserId == query.UserId);
        // Spelled out, not compared with a parameter: the SQL then names the partial index's own predicate.
        var filtered = query.Archived ? mine.Where(n => n.IsArchived) : mine.Where(n => !n.IsArchived);
        if (query.IsRead is { } isRead) filtered = filtered.Where(n => n.IsRead == isRead);
        if (query.Type is { } type) filtered = filtered.Where(n => n.Type == type);

        // Catch-up pages, oldest first; each walks its own index from the cursor.
        if (query.AfterSeq is { } afterSeq)
            return (await ReadAsync(filtered.Where(n => n.Seq > afterSeq).OrderBy(n => n.Seq).Take(query.Limit)), null);
        if (query.AfterId is { } afterId)
            return (await ReadAsync(filtered.Where(n => n.Id > afterId).OrderBy(n => n.Id).Take(query.Limit)), null);

        var fetched = await ReadAsync(filtered
            .Where(n => query.BeforeId == null || n.Id < query.BeforeId)
            .OrderByDescending(n => n.Id)
            .Take(query.Limit + 1));
        return Page.Of(fetched, query.Limit, n => n.Id);

        async Task<List<NotificationDto>> ReadAsync(IQueryable<Notification> page) =>
            (await page.ToListAsync(cancellationToken)).Select(NotificationDto.From).ToList();
    }

    private static bool Matches(NotificationCount count, ListNotifications query) =>
        count.IsArchived == query.Archived
        && (query.IsRead is null || count.IsRead == query.IsRead)
        && (query.Type is null || count.NotificationType == query.Type);
}
