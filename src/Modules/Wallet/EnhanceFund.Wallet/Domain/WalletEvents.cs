using EnhanceFund.BuildingBlocks.Domain;

namespace EnhanceFund.Wallet.Domain;

public sealed record FundsDeposited(long UserId, long TransactionId, decimal Amount, decimal BalanceAfter) : DomainEvent;

public sealed record FundsWithdrawn(long UserId, long TransactionId, decimal Amount, decimal BalanceAfter) : DomainEvent;

public sealed record InvestmentFundsDebited(long InvestmentId, long InvestorId, long LoanId, decimal Amount, long TransactionId) : DomainEvent;

public sealed record InvestmentFundsRefused(long InvestmentId, long InvestorId, long LoanId, decimal Amount, decimal Balance) : DomainEvent;

public sealed record InvestmentFundsRefunded(
    long InvestmentId, long InvestorId, long LoanId, decimal Amount, string Reason, long TransactionId) : DomainEvent;

public sealed record LoanRepaymentCollected(long LoanId, long BorrowerId, decimal Amount, long TransactionId) : DomainEvent;

public sealed record InvestmentReturnPaid(long InvestmentId, long InvestorId, long LoanId, decimal Amount, long TransactionId) : DomainEvent;
