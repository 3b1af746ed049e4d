using EnhanceFund.BuildingBlocks.Contracts;

namespace EnhanceFund.Wallet.Contracts;

/// <summary>A withdrawal was debited from a wallet.</summary>
[EventName("wallet.funds_withdrawn")]
public sealed record FundsWithdrawn(
    Guid EventId, DateTimeOffset OccurredAt, long UserId, long TransactionId, decimal Amount, decimal BalanceAfter)
    : IIntegrationEvent;
