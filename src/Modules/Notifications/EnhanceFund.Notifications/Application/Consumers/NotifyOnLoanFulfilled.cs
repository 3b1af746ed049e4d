using EnhanceFund.Loans.Contracts;
using EnhanceFund.Notifications.Infrastructure;

namespace EnhanceFund.Notifications.Application.Consumers;

[ConsumerName("notifications.notify_loan_fulfilled")]
internal sealed class NotifyOnLoanFulfilled(NotificationsDbContext db, INotificationPush push, NotificationReadCache readCache, TimeProvider clock)
    : NotifyingConsumer<LoanFulfilled>(db, push, readCache, clock, NotificationTexts.For);
