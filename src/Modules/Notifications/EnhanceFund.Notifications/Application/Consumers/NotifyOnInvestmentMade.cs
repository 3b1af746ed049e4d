using EnhanceFund.Investments.Contracts;
using EnhanceFund.Notifications.Infrastructure;

namespace EnhanceFund.Notifications.Application.Consumers;

[ConsumerName("notifications.notify_investment_made")]
internal sealed class NotifyOnInvestmentMade(NotificationsDbContext db, INotificationPush push, NotificationReadCache readCache, TimeProvider clock)
    : NotifyingConsumer<InvestmentMade>(db, push, readCache, clock, NotificationTexts.For);
