using EnhanceFund.BuildingBlocks.Contracts;

namespace EnhanceFund.Loans.Contracts;

/// <summary>
/// A loan's repayment was collected and split among its investments, pro rata to what each put in; the
/// shares add up to <see cref="Amount"/> exactly.
/// </summary>
[EventName("loans.loan_repaid")]
public sealed record LoanRepaid(
    Guid EventId, DateTimeOffset OccurredAt, long LoanId, long BorrowerId, decimal Amount, IReadOnlyList<InvestmentShare> Shares)
    : IIntegrationEvent;

/// <summary>What one investment gets back of a repaid loan.</summary>
public sealed record InvestmentShare(long InvestmentId, long InvestorId, decimal Invested, decimal Amount);
