using EnhanceFund.Notifications.Infrastructure;
using EnhanceFund.Wallet.Contracts;

namespace EnhanceFund.Notifications.Application.Consumers;

[ConsumerName("notifications.notify_funds_added")]
internal sealed class NotifyOnFundsAdded(NotificationsDbContext db, INotificationPush push, UnreadCountCache unreadCounts, TimeProvider clock)
    : NotifyingConsumer<FundsAdded>(db, push, unreadCounts, clock, NotificationTexts.For);
