using EnhanceFund.BuildingBlocks.Contracts;
using EnhanceFund.BuildingBlocks.Messaging;
using EnhanceFund.Notifications.Domain;
using EnhanceFund.Notifications.Infrastructure;

namespace EnhanceFund.Notifications.Application.Consumers;

/// <summary>
/// Turns one integration event into its notifications: stored exactly once (inbox + unique key), then
/// pushed to each recipient with the new unread count, after the commit and never before.
/// </summary>
internal abstract class NotifyingConsumer<TEvent>(NotificationsDbContext db, INotificationPush push, TimeProvider clock)
    : InboxConsumer<TEvent, NotificationsDbContext>(db, clock)
    where TEvent : IIntegrationEvent
{
    private List<Notification> _created = [];

    protected abstract IEnumerable<Notification> Compose(TEvent integrationEvent, DateTimeOffset now);

    protected override Task ConsumeAsync(TEvent integrationEvent, CancellationToken cancellationToken)
    {
        // In user order: the insert trigger locks each recipient, and a fixed order cannot deadlock.
        _created = Compose(integrationEvent, Clock.GetUtcNow()).OrderBy(n => n.UserId).ToList();
        Db.Notifications.AddRange(_created);
        return Task.CompletedTask;
    }

    protected override async Task AfterCommitAsync(TEvent integrationEvent, CancellationToken cancellationToken)
    {
        foreach (var notification in _created)
        {
            await push.NotificationCreatedAsync(notification.UserId, NotificationDto.From(notification), cancellationToken);
        }

        foreach (var userId in _created.Select(n => n.UserId).Distinct())
        {
            await Db.PushUnreadCountAsync(push, userId, cancellationToken);
        }
    }
}
