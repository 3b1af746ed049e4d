using EnhanceFund.BuildingBlocks.Messaging;
using EnhanceFund.Wallet.Contracts;
using EnhanceFund.Notifications.Infrastructure;

namespace EnhanceFund.Notifications.Application.Consumers;

[ConsumerName("notifications.notify_funds_added")]
internal sealed class NotifyOnFundsAdded(NotificationsDbContext db, INotificationPush push, TimeProvider clock)
    : NotifyingConsumer<FundsAdded>(db, push, clock, NotificationTexts.For);
