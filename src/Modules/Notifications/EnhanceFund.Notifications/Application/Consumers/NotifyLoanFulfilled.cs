using EnhanceFund.BuildingBlocks.Domain;
using EnhanceFund.BuildingBlocks.Messaging;
using EnhanceFund.Loans.Contracts;
using EnhanceFund.Notifications.Domain;
using EnhanceFund.Notifications.Infrastructure;

namespace EnhanceFund.Notifications.Application.Consumers;

/// <summary>One event, many recipients: the borrower and every investor of the loan, each once.</summary>
[ConsumerName("notifications.notify_loan_fulfilled")]
internal sealed class NotifyLoanFulfilled(NotificationsDbContext db, INotificationPush push, TimeProvider clock)
    : NotifyingConsumer<LoanFulfilled>(db, push, clock)
{
    protected override IEnumerable<Notification> Compose(LoanFulfilled e, DateTimeOffset now)
    {
        var amount = Money.Of(e.Amount);
        yield return Notification.Create(
            e.EventId, e.BorrowerId, NotificationType.LoanFulfilled,
            "Loan Fulfilled",
            $"Your loan #{e.LoanId} is fully funded: {amount} is being credited to your wallet. Repayment due: {Money.Of(e.RepaymentDue)}.",
            e.LoanId, now);

        foreach (var investorId in e.InvestorIds.Distinct())
        {
            yield return Notification.Create(
                e.EventId, investorId, NotificationType.LoanFulfilled,
                "Loan Fulfilled",
                $"Loan #{e.LoanId} that you invested in is fully funded ({amount}).",
                e.LoanId, now);
        }
    }
}
