using EnhanceFund.BuildingBlocks.Domain;
using EnhanceFund.BuildingBlocks.Messaging;
using EnhanceFund.Investments.Contracts;
using EnhanceFund.Notifications.Domain;
using EnhanceFund.Notifications.Infrastructure;

namespace EnhanceFund.Notifications.Application.Consumers;

[ConsumerName("notifications.notify_investment_made")]
internal sealed class NotifyInvestmentMade(NotificationsDbContext db, INotificationPush push, TimeProvider clock)
    : NotifyingConsumer<InvestmentMade>(db, push, clock)
{
    protected override IEnumerable<Notification> Compose(InvestmentMade e, DateTimeOffset now)
    {
        yield return Notification.Create(
            e.EventId, e.InvestorId, NotificationType.InvestmentMade,
            "Investment Made",
            $"Your investment of {Money.Of(e.Amount)} in loan #{e.LoanId} is active. Expected return: {Money.Of(e.ExpectedReturn)}.",
            e.InvestmentId, now);
    }
}
