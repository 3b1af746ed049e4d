using System.Diagnostics;
using EnhanceFund.BuildingBlocks.Contracts;
using EnhanceFund.Notifications.Infrastructure;

namespace EnhanceFund.Notifications.Application.Consumers;

/// <summary>
/// Turns integration events into their notifications: a whole batch stored in one transaction, exactly once (inbox +
/// unique key), then queued for the live push with each recipient's new unread count, after the commit and never
/// before (the counts are read after it too, so that their snapshots order them: <see cref="VersionedUnreadCount"/>).
/// Each recipient's preferences are read by the statement that stores the batch: a type they turned off in the list is
/// not stored, one they turned off live is stored but not pushed, and a change of preferences is never half-applied to
/// one event. The batch goes to PostgreSQL in one round trip (<see cref="NotificationBatchSql"/>): this is the live
/// path's consumer. What each event says, and to whom, is <paramref name="compose"/>'s (see
/// <see cref="NotificationTexts"/>); each event type has its own concrete consumer only because its inbox name and its
/// MediatR handler are per class.
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
    private List<StoredNotification> _stored = [];

    protected sealed override async Task StoreAsync(IReadOnlyList<TEvent> events, IReadOnlyList<InboxMessage> inbox, CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow();
        var composed = events.SelectMany(e => compose(e).Select(notice => notice.ToNotification(e.EventId, now))).ToList();
        _stored = await Db.StoreAsync(inbox, composed, cancellationToken);
    }

    protected sealed override Task ConsumeAsync(IReadOnlyList<TEvent> events, CancellationToken cancellationToken) =>
        throw new UnreachableException($"{nameof(StoreAsync)} stores the batch itself.");

    protected override async Task AfterCommitAsync(CancellationToken cancellationToken)
    {
        var recipients = _stored.Select(s => s.Notification.UserId).Distinct().ToList();
        // Forgotten before anything is queued: a tab that hears a push and asks for its count gets the new one.
        foreach (var userId in recipients) readCache.Forget(userId);
        foreach (var stored in _stored.Where(s => s.Live))
            push.Notification(stored.Notification.UserId, NotificationDto.From(stored.Notification) with { Id = stored.Id, Seq = stored.Seq, CreatedAt = stored.CreatedAt });
        // Should this read fail, the recipients are owed a resync; the batch stays delivered.
        await Db.PushUnreadCountsAsync(push, recipients, cancellationToken);
    }
}
