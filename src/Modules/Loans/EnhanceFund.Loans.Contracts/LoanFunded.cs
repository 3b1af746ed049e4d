using EnhanceFund.BuildingBlocks.Contracts;

namespace EnhanceFund.Loans.Contracts;

/// <summary>
/// A loan took an investment's money. <see cref="ExpectedReturn"/> is that investment's principal plus its interest,
/// rounded to cents on its own: an estimate. The repayment splits what was collected across all the loan's
/// investments to the cent, so a return may differ from its estimate by a cent.
/// </summary>
[EventName("loans.loan_funded")]
public sealed record LoanFunded(
    Guid EventId, DateTimeOffset OccurredAt, long LoanId, long BorrowerId, long InvestmentId, long InvestorId,
    decimal Amount, decimal FundedAmount, decimal LoanAmount, decimal ExpectedReturn)
    : IIntegrationEvent;
