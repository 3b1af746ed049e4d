using EnhanceFund.BuildingBlocks.Domain;

namespace EnhanceFund.Wallet.Domain;

public sealed record FundsDeposited(long UserId, long TransactionId, decimal Amount, decimal BalanceAfter) : DomainEvent;

public sealed record FundsWithdrawn(long UserId, long TransactionId, decimal Amount, decimal BalanceAfter) : DomainEvent;
