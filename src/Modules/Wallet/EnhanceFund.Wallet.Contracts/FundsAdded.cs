using EnhanceFund.BuildingBlocks.Contracts;

namespace EnhanceFund.Wallet.Contracts;

/// <summary>A deposit was credited to a wallet.</summary>
[EventName("wallet.funds_added")]
public sealed record FundsAdded(
    Guid EventId, DateTimeOffset OccurredAt, long UserId, long TransactionId, decimal Amount, decimal BalanceAfter)
    : IIntegrationEvent;
