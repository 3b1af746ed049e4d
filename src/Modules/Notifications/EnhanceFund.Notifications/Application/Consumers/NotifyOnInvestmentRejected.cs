using EnhanceFund.Investments.Contracts;
using EnhanceFund.Notifications.Infrastructure;

namespace EnhanceFund.Notifications.Application.Consumers;

[ConsumerName("notifications.notify_investment_rejected")]
internal sealed class NotifyOnInvestmentRejected(NotificationsDbContext db, INotificationPush push, NotificationReadCache readCache, TimeProvider clock)
    : NotifyingConsumer<InvestmentRejected>(db, push, readCache, clock, NotificationTexts.For);
