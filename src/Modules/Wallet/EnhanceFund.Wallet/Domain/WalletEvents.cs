namespace EnhanceFund.Wallet.Domain;

public sealed record FundsDepositedDomainEvent(long UserId, long TransactionId, decimal Amount, decimal BalanceAfter) : DomainEvent;

public sealed record FundsWithdrawnDomainEvent(long UserId, long TransactionId, decimal Amount, decimal BalanceAfter) : DomainEvent;

public sealed record InvestmentFundsDebitedDomainEvent(
    long InvestmentId, long InvestorId, long LoanId, decimal Amount, long TransactionId) : DomainEvent;

public sealed record InvestmentFundsRefusedDomainEvent(
    long InvestmentId, long InvestorId, long LoanId, decimal Amount, decimal Balance) : DomainEvent;

public sealed record InvestmentFundsRefundedDomainEvent(
    long InvestmentId, long InvestorId, long LoanId, decimal Amount, string Reason, long TransactionId) : DomainEvent;

public sealed record LoanRepaymentCollectedDomainEvent(long LoanId, long BorrowerId, decimal Amount, long TransactionId) : DomainEvent;

public sealed record InvestmentReturnPaidDomainEvent(
    long InvestmentId, long InvestorId, long LoanId, decimal Amount, long TransactionId) : DomainEvent;
