using EnhanceFund.BuildingBlocks.Domain;
using EnhanceFund.Loans.Contracts;

namespace EnhanceFund.Loans.Domain;

public sealed record LoanRequested(long LoanId, long BorrowerId, decimal Amount) : DomainEvent;

public sealed record LoanApproved(long LoanId, long BorrowerId, decimal Amount) : DomainEvent;

public sealed record LoanFunded(
    long LoanId, long BorrowerId, long InvestmentId, long InvestorId, decimal Amount, decimal FundedAmount, decimal LoanAmount,
    decimal ExpectedReturn) : DomainEvent;

public sealed record LoanFundingRejected(long LoanId, long InvestmentId, long InvestorId, decimal Amount, string Reason) : DomainEvent;

public sealed record LoanFulfilled(long LoanId, long BorrowerId, decimal Amount, decimal RepaymentDue, IReadOnlyList<long> InvestorIds)
    : DomainEvent;

public sealed record LoanRepaid(long LoanId, long BorrowerId, decimal Amount, IReadOnlyList<InvestmentShare> Shares) : DomainEvent;
