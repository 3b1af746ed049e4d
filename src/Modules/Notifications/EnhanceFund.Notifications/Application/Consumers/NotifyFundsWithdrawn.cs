using EnhanceFund.BuildingBlocks.Domain;
using EnhanceFund.BuildingBlocks.Messaging;
using EnhanceFund.Notifications.Domain;
using EnhanceFund.Notifications.Infrastructure;
using EnhanceFund.Wallet.Contracts;

namespace EnhanceFund.Notifications.Application.Consumers;

[ConsumerName("notifications.notify_funds_withdrawn")]
internal sealed class NotifyFundsWithdrawn(NotificationsDbContext db, INotificationPush push, TimeProvider clock)
    : NotifyingConsumer<FundsWithdrawn>(db, push, clock)
{
    protected override IEnumerable<Notification> Compose(FundsWithdrawn e, DateTimeOffset now)
    {
        yield return Notification.Create(
            e.EventId, e.UserId, NotificationType.FundWithdrawn,
            "Fund Withdrawn Successfully",
            $"{Money.Of(e.Amount)} has been withdrawn from your wallet. New balance: {Money.Of(e.BalanceAfter)}.",
            e.TransactionId, now);
    }
}
