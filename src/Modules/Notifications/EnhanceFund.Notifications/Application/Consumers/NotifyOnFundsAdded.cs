using EnhanceFund.Notifications.Infrastructure;
using EnhanceFund.Wallet.Contracts;

namespace EnhanceFund.Notifications.Application.Consumers;

[ConsumerName("notifications.notify_funds_added")]
internal sealed class NotifyOnFundsAdded(NotificationsDbContext db, INotificationPush push, TimeProvider clock)
    : NotifyingConsumer<FundsAdded>(db, push, clock, NotificationTexts.For);
