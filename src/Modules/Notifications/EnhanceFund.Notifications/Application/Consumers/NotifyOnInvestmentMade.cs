using EnhanceFund.Investments.Contracts;
using EnhanceFund.Notifications.Infrastructure;

namespace EnhanceFund.Notifications.Application.Consumers;

[ConsumerName("notifications.notify_investment_made")]
internal sealed class NotifyOnInvestmentMade(NotificationsDbContext db, INotificationPush push, UnreadCountCache unreadCounts, TimeProvider clock)
    : NotifyingConsumer<InvestmentMade>(db, push, unreadCounts, clock, NotificationTexts.For);
