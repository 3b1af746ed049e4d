using EnhanceFund.BuildingBlocks.Contracts;
using EnhanceFund.Notifications.Domain;
using EnhanceFund.Notifications.Infrastructure;

namespace EnhanceFund.Notifications.Application.Consumers;

/// <summary>
/// Turns integration events into their notifications: a whole batch stored in one transaction, exactly once (inbox +
/// unique key), then queued for the live push with each recipient's new unread count, after the commit and never
/// before. Each recipient's preferences are read in that same transaction: a type they turned off in the list is not
/// stored, one they turned off live is stored but not pushed, and a change of preferences is never half-applied to
/// one event. What each event says, and to whom, is <paramref name="compose"/>'s (see <see cref="NotificationTexts"/>);
/// each event type has its own concrete consumer only because its inbox name and its MediatR handler are per class.
/// </summary>
internal abstract class NotifyingConsumer<TEvent>(
    NotificationsDbContext db,
    INotificationPush push,
    NotificationReadCache readCache,
    TimeProvider clock,
    Func<TEvent, IEnumerable<Notice>> compose)
    : BatchInboxConsumer<TEvent, NotificationsDbContext>(db, clock)
    where TEvent : IIntegrationEvent
{
    private List<Notification> _live = [];
    private Dictionary<long, int> _unreadCounts = [];

    protected override async Task ConsumeAsync(IReadOnlyList<TEvent> events, CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow();
        var composed = events.SelectMany(e => compose(e).Select(notice => notice.ToNotification(e.EventId, now))).ToList();
        var recipients = composed.Select(n => n.UserId).Distinct().ToList();
        var preferences = await Db.Preferences.AsNoTracking()
            .Where(p => recipients.Contains(p.UserId))
            .ToDictionaryAsync(p => (p.UserId, p.NotificationType), cancellationToken);
        bool On(Notification n, Func<NotificationPreference, bool> setting) =>
            !preferences.TryGetValue((n.UserId, n.Type), out var preference) || setting(preference);

        // In user order (a stable sort: each user's in event order): the insert trigger locks each recipient until
        // the commit, and transactions that lock users in one order cannot deadlock.
        var notifications = composed.Where(n => On(n, p => p.InApp)).OrderBy(n => n.UserId).ToList();
        Db.Notifications.AddRange(notifications);
        await Db.SaveChangesAsync(cancellationToken);
        // Read under those locks, so each count includes this transaction's notifications and no later one's.
        _unreadCounts = await Db.UnreadCountsAsync(notifications.Select(n => n.UserId).Distinct().ToList(), cancellationToken);
        _live = notifications.Where(n => On(n, p => p.Live)).ToList();
    }

    protected override Task AfterCommitAsync(CancellationToken cancellationToken)
    {
        // Forgotten before anything is queued: a tab that hears a push and asks for its count gets the new one.
        foreach (var userId in _unreadCounts.Keys) readCache.Forget(userId);
        foreach (var notification in _live) push.Notification(notification.UserId, NotificationDto.From(notification));
        foreach (var (userId, unread) in _unreadCounts) push.UnreadCount(userId, unread);
        return Task.CompletedTask;
    }
}
