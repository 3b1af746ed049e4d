using EnhanceFund.Investments.Contracts;
using EnhanceFund.Notifications.Infrastructure;

namespace EnhanceFund.Notifications.Application.Consumers;

[ConsumerName("notifications.notify_investment_return")]
internal sealed class NotifyOnInvestmentClosed(NotificationsDbContext db, INotificationPush push, NotificationReadCache readCache, TimeProvider clock)
    : NotifyingConsumer<InvestmentClosed>(db, push, readCache, clock, NotificationTexts.For);
