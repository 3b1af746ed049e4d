using EnhanceFund.Notifications.Infrastructure;
using EnhanceFund.Wallet.Contracts;

namespace EnhanceFund.Notifications.Application.Consumers;

[ConsumerName("notifications.notify_funds_withdrawn")]
internal sealed class NotifyOnFundsWithdrawn(NotificationsDbContext db, INotificationPush push, NotificationReadCache readCache, TimeProvider clock)
    : NotifyingConsumer<FundsWithdrawn>(db, push, readCache, clock, NotificationTexts.For);
