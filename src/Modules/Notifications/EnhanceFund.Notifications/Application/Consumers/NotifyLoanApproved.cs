using EnhanceFund.BuildingBlocks.Domain;
using EnhanceFund.BuildingBlocks.Messaging;
using EnhanceFund.Loans.Contracts;
using EnhanceFund.Notifications.Domain;
using EnhanceFund.Notifications.Infrastructure;

namespace EnhanceFund.Notifications.Application.Consumers;

[ConsumerName("notifications.notify_loan_approved")]
internal sealed class NotifyLoanApproved(NotificationsDbContext db, INotificationPush push, TimeProvider clock)
    : NotifyingConsumer<LoanApproved>(db, push, clock)
{
    protected override IEnumerable<Notification> Compose(LoanApproved e, DateTimeOffset now)
    {
        yield return Notification.Create(
            e.EventId, e.BorrowerId, NotificationType.LoanApproved,
            "Loan Approved",
            $"Your loan request of {Money.Of(e.Amount)} has been approved and is now open for investment.",
            e.LoanId, now);
    }
}
