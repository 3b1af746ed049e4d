using EnhanceFund.Loans.Contracts;
using EnhanceFund.Notifications.Infrastructure;

namespace EnhanceFund.Notifications.Application.Consumers;

[ConsumerName("notifications.notify_loan_funded")]
internal sealed class NotifyOnLoanFunded(NotificationsDbContext db, INotificationPush push, NotificationReadCache readCache, TimeProvider clock)
    : NotifyingConsumer<LoanFunded>(db, push, readCache, clock, NotificationTexts.For);
