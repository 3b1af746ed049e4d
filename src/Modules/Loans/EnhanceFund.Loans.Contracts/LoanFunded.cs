using EnhanceFund.BuildingBlocks.Contracts;

namespace EnhanceFund.Loans.Contracts;

/// <summary>
/// A loan took an investment's money. <see cref="ExpectedReturn"/> is that investment's share of the repayment
/// due, rounded to cents (the final return is reconciled to the cent across all investors at repayment).
/// </summary>
[EventName("loans.loan_funded")]
public sealed record LoanFunded(
    Guid EventId, DateTimeOffset OccurredAt, long LoanId, long BorrowerId, long InvestmentId, long InvestorId,
    decimal Amount, decimal FundedAmount, decimal LoanAmount, decimal ExpectedReturn)
    : IIntegrationEvent;
