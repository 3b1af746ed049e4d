using EnhanceFund.BuildingBlocks.Domain;
using EnhanceFund.BuildingBlocks.Messaging;
using EnhanceFund.Investments.Contracts;
using EnhanceFund.Loans.Contracts;
using EnhanceFund.Notifications.Domain;
using EnhanceFund.Notifications.Infrastructure;

namespace EnhanceFund.Notifications.Application.Consumers;

[ConsumerName("notifications.notify_investment_rejected")]
internal sealed class NotifyInvestmentRejected(NotificationsDbContext db, INotificationPush push, TimeProvider clock)
    : NotifyingConsumer<InvestmentRejected>(db, push, clock)
{
    protected override IEnumerable<Notification> Compose(InvestmentRejected e, DateTimeOffset now)
    {
        var amount = Money.Of(e.Amount);
        var why = e.Reason switch
        {
            FundingRejectionReasons.LoanNotOpen => $"loan #{e.LoanId} is not open for investment. {amount} has been returned to your wallet.",
            FundingRejectionReasons.ExceedsRemaining => $"it is more than loan #{e.LoanId} still needs. {amount} has been returned to your wallet.",
            _ => "your wallet balance was too low. Nothing was taken from your wallet.",
        };
        yield return Notification.Create(
            e.EventId, e.InvestorId, NotificationType.InvestmentRejected,
            "Investment Rejected",
            $"Your investment of {amount} in loan #{e.LoanId} was rejected: {why}",
            e.InvestmentId, now);
    }
}
