using EnhanceFund.BuildingBlocks.Domain;
using EnhanceFund.BuildingBlocks.Messaging;
using EnhanceFund.Investments.Contracts;
using EnhanceFund.Notifications.Domain;
using EnhanceFund.Notifications.Infrastructure;

namespace EnhanceFund.Notifications.Application.Consumers;

/// <summary>Sent when the investment closes, which is after its return reached the investor's wallet.</summary>
[ConsumerName("notifications.notify_investment_return")]
internal sealed class NotifyInvestmentReturn(NotificationsDbContext db, INotificationPush push, TimeProvider clock)
    : NotifyingConsumer<InvestmentClosed>(db, push, clock)
{
    protected override IEnumerable<Notification> Compose(InvestmentClosed e, DateTimeOffset now)
    {
        yield return Notification.Create(
            e.EventId, e.InvestorId, NotificationType.InvestmentReturn,
            "Investment Return Received",
            $"Loan #{e.LoanId} was repaid: {Money.Of(e.ReturnAmount)} has been credited to your wallet for your investment of {Money.Of(e.Amount)}.",
            e.InvestmentId, now);
    }
}
