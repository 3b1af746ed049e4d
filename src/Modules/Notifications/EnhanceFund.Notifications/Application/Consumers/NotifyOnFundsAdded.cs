using EnhanceFund.Notifications.Infrastructure;
using EnhanceFund.Wallet.Contracts;

namespace EnhanceFund.Notifications.Application.Consumers;

[ConsumerName("notifications.notify_funds_added")]
internal sealed class NotifyOnFundsAdded(NotificationsDbContext db, INotificationPush push, NotificationReadCache readCache, TimeProvider clock)
    : NotifyingConsumer<FundsAdded>(db, push, readCache, clock, NotificationTexts.For);
