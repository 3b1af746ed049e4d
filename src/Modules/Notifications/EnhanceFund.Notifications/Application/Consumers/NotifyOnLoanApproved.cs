using EnhanceFund.Loans.Contracts;
using EnhanceFund.Notifications.Infrastructure;

namespace EnhanceFund.Notifications.Application.Consumers;

[ConsumerName("notifications.notify_loan_approved")]
internal sealed class NotifyOnLoanApproved(NotificationsDbContext db, INotificationPush push, NotificationReadCache readCache, TimeProvider clock)
    : NotifyingConsumer<LoanApproved>(db, push, readCache, clock, NotificationTexts.For);
