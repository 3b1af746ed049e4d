using EnhanceFund.Notifications.Domain;
using EnhanceFund.Notifications.Infrastructure;

namespace EnhanceFund.Notifications.Application;

/// <summary>
/// A page of the user's notifications, the archived ones or the others: newest first, or with <c>AfterSeq</c> (or
/// <c>AfterId</c>) the newer ones oldest first (catch-up).
/// </summary>
public sealed record ListNotifications(
    long UserId, bool Archived, bool? IsRead, string? Type, int Limit, long? BeforeId, long? AfterId, long? AfterSeq)
    : IRequest<NotificationPage>;

public sealed record NotificationPage(
    IReadOnlyList<NotificationDto> Notifications, int UnreadCount, int TotalCount, long? NextBeforeId);

/// <summary>
/// A page and its counts in one round trip: each row of the page carries the two counts as subqueries that do not
/// depend on the row, which PostgreSQL computes once per query. An empty page asks for them alone, in one query too.
/// On a machine where each round trip to PostgreSQL costs more than the query itself, that is a third of the list's cost.
/// The first page (newest first, no filter), which every page view loads, is kept between changes of the user's
/// notifications (<see cref="NotificationReadCache"/>).
/// </summary>
internal sealed class ListNotificationsHandler(NotificationsDbContext db, NotificationReadCache cache) : IRequestHandler<ListNotifications, NotificationPage>
{
    public Task<NotificationPage> Handle(ListNotifications query, CancellationToken cancellationToken) =>
        IsFirstPage(query)
            ? cache.GetFirstPageAsync(query.UserId, query.Limit, ct => ReadAsync(query, ct), cancellationToken)
            : ReadAsync(query, cancellationToken);

    private static bool IsFirstPage(ListNotifications query) =>
        query is { Archived: false, IsRead: null, Type: null, BeforeId: null, AfterId: null, AfterSeq: null };

    private async Task<NotificationPage> ReadAsync(ListNotifications query, CancellationToken cancellationToken)
    {
        var unreadCounts = db.Counts.Where(c => c.UserId == query.UserId && !c.IsRead);
        var matchingCounts = db.Counts.Where(c => c.UserId == query.UserId
            && c.IsArchived == query.Archived
            && (query.IsRead == null || c.IsRead == query.IsRead)
            && (query.Type == null || c.NotificationType == query.Type));

        var rows = await PageOf(query)
            .Select(n => new { Notification = n, Unread = unreadCounts.Sum(c => c.Count), Total = matchingCounts.Sum(c => c.Count) })
            .ToListAsync(cancellationToken);

        // An empty page (a catch-up with nothing new, most often) has no row to carry the counts: one of the user's
        // counter rows carries them instead, in one more query; a user without any has nothing to count. Which row
        // does not matter; the first in key order says so to EF, which warns of a Take without an order.
        var (unread, total) = rows.Count > 0
            ? (rows[0].Unread, rows[0].Total)
            : await db.Counts.Where(c => c.UserId == query.UserId).OrderBy(c => c.NotificationType).Take(1)
                .Select(_ => new { Unread = unreadCounts.Sum(c => c.Count), Total = matchingCounts.Sum(c => c.Count) })
                .FirstOrDefaultAsync(cancellationToken) is { } counts ? (counts.Unread, counts.Total) : (0, 0);
        var notifications = rows.Select(r => NotificationDto.From(r.Notification)).ToList();

        // Catch-up pages (after_seq, after_id) have no next page to point to; the newest-first page may have one.
        if (query.AfterSeq is not null || query.AfterId is not null) return new NotificationPage(notifications, unread, total, null);
        var (page, nextBeforeId) = KeysetPage.Cut(notifications, query.Limit, n => n.Id);
        return new NotificationPage(page, unread, total, nextBeforeId);
    }

    /// <summary>The page's rows in their order; the newest-first page fetches one more to know whether another follows.</summary>
    private IQueryable<Notification> PageOf(ListNotifications query)
    {
        var mine = db.Notifications.AsNoTracking().Where(n => n.UserId == query.UserId);
        // Spelled out, not compared with a parameter: the SQL then names the partial index's own predicate.
        var filtered = query.Archived ? mine.Where(n => n.IsArchived) : mine.Where(n => !n.IsArchived);
        if (query.IsRead is { } isRead) filtered = filtered.Where(n => n.IsRead == isRead);
        if (query.Type is { } type) filtered = filtered.Where(n => n.Type == type);

        // Catch-up pages, oldest first; each walks its own index from the cursor.
        if (query.AfterSeq is { } afterSeq) return filtered.Where(n => n.Seq > afterSeq).OrderBy(n => n.Seq).Take(query.Limit);
        if (query.AfterId is { } afterId) return filtered.Where(n => n.Id > afterId).OrderBy(n => n.Id).Take(query.Limit);
        return filtered.NewestFirst(n => n.Id, query.BeforeId, query.Limit);
    }
}
