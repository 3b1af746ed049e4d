using EnhanceFund.BuildingBlocks.Domain;
using EnhanceFund.BuildingBlocks.Messaging;
using EnhanceFund.Loans.Contracts;
using EnhanceFund.Notifications.Domain;
using EnhanceFund.Notifications.Infrastructure;

namespace EnhanceFund.Notifications.Application.Consumers;

[ConsumerName("notifications.notify_loan_funded")]
internal sealed class NotifyLoanFunded(NotificationsDbContext db, INotificationPush push, TimeProvider clock)
    : NotifyingConsumer<LoanFunded>(db, push, clock)
{
    protected override IEnumerable<Notification> Compose(LoanFunded e, DateTimeOffset now)
    {
        yield return Notification.Create(
            e.EventId, e.BorrowerId, NotificationType.LoanFunded,
            "Loan Funded",
            $"Your loan #{e.LoanId} received an investment of {Money.Of(e.Amount)}. Funded so far: {Money.Of(e.FundedAmount)} of {Money.Of(e.LoanAmount)}.",
            e.LoanId, now);
    }
}
