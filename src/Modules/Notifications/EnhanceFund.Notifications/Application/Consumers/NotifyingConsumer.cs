using EnhanceFund.BuildingBlocks.Contracts;
using EnhanceFund.BuildingBlocks.Messaging;
using EnhanceFund.Notifications.Domain;
using EnhanceFund.Notifications.Infrastructure;

namespace EnhanceFund.Notifications.Application.Consumers;

/// <summary>
/// Turns integration events into their notifications: a whole batch stored in one transaction, exactly once (inbox +
/// unique key), then queued for the live push with each recipient's new unread count, after the commit and never
/// before.
/// </summary>
internal abstract class NotifyingConsumer<TEvent>(NotificationsDbContext db, INotificationPush push, TimeProvider clock)
    : BatchInboxConsumer<TEvent, NotificationsDbContext>(db, clock)
    where TEvent : IIntegrationEvent
{
    private List<Notification> _stored = [];
    private Dictionary<long, int> _unreadCounts = [];

    protected abstract IEnumerable<Notification> Compose(TEvent integrationEvent, DateTimeOffset now);

    protected override async Task ConsumeAsync(IReadOnlyList<TEvent> events, CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow();
        // In user order (a stable sort: each user's in event order): the insert trigger locks each recipient until
        // the commit, and transactions that lock users in one order cannot deadlock.
        var notifications = events.SelectMany(e => Compose(e, now)).OrderBy(n => n.UserId).ToList();
        Db.Notifications.AddRange(notifications);
        await Db.SaveChangesAsync(cancellationToken);
        // Read under those locks, so each count includes this transaction's notifications and no later one's.
        _unreadCounts = await Db.UnreadCountsAsync(notifications.Select(n => n.UserId).Distinct().ToList(), cancellationToken);
        _stored = notifications;
    }

    protected override Task AfterCommitAsync(CancellationToken cancellationToken)
    {
        foreach (var notification in _stored) push.Notification(notification.UserId, NotificationDto.From(notification));
        foreach (var (userId, unread) in _unreadCounts) push.UnreadCount(userId, unread);
        return Task.CompletedTask;
    }
}
