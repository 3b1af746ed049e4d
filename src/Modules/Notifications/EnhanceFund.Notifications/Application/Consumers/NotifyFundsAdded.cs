using EnhanceFund.BuildingBlocks.Domain;
using EnhanceFund.BuildingBlocks.Messaging;
using EnhanceFund.Notifications.Domain;
using EnhanceFund.Notifications.Infrastructure;
using EnhanceFund.Wallet.Contracts;

namespace EnhanceFund.Notifications.Application.Consumers;

[ConsumerName("notifications.notify_funds_added")]
internal sealed class NotifyFundsAdded(NotificationsDbContext db, INotificationPush push, TimeProvider clock)
    : NotifyingConsumer<FundsAdded>(db, push, clock)
{
    protected override IEnumerable<Notification> Compose(FundsAdded e, DateTimeOffset now)
    {
        yield return Notification.Create(
            e.EventId, e.UserId, NotificationType.FundAdded,
            "Fund Added Successfully",
            $"Your wallet has been credited with {Money.Of(e.Amount)}. New balance: {Money.Of(e.BalanceAfter)}.",
            e.TransactionId, now);
    }
}
