namespace EnhanceFund.Loans.Domain;

public sealed record LoanRequestedDomainEvent(long LoanId, long BorrowerId, decimal Amount) : DomainEvent;

public sealed record LoanApprovedDomainEvent(long LoanId, long BorrowerId, decimal Amount) : DomainEvent;

public sealed record LoanFundedDomainEvent(
    long LoanId, long BorrowerId, long InvestmentId, long InvestorId, decimal Amount, decimal FundedAmount, decimal LoanAmount,
    decimal ExpectedReturn) : DomainEvent;

/// <param name="Reason">One of <c>InvestmentRejectionReasons</c>' codes (Investments.Contracts).</param>
public sealed record LoanFundingRejectedDomainEvent(long LoanId, long InvestmentId, long InvestorId, decimal Amount, string Reason)
    : DomainEvent;

public sealed record LoanFulfilledDomainEvent(long LoanId, long BorrowerId, decimal Amount, decimal RepaymentDue, IReadOnlyList<long> InvestorIds)
    : DomainEvent;

public sealed record LoanRepaidDomainEvent(long LoanId, long BorrowerId, decimal Amount, IReadOnlyList<RepaymentShare> Shares) : DomainEvent;

/// <summary>What one investment gets back of a repaid loan: its part of the amount collected, pro rata to what it put in.</summary>
public sealed record RepaymentShare(long InvestmentId, long InvestorId, decimal Invested, decimal Amount);
