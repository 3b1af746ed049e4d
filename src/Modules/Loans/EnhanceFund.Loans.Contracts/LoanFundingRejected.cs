using EnhanceFund.BuildingBlocks.Contracts;

namespace EnhanceFund.Loans.Contracts;

/// <summary>
/// A loan refused an investment's money, which the investor's wallet must get back. <see cref="Reason"/> is one of
/// <c>EnhanceFund.Investments.Contracts.InvestmentRejectionReasons</c>: <c>loan_not_open</c> or <c>exceeds_remaining</c>.
/// </summary>
[EventName("loans.loan_funding_rejected")]
public sealed record LoanFundingRejected(
    Guid EventId, DateTimeOffset OccurredAt, long LoanId, long InvestmentId, long InvestorId, decimal Amount, string Reason)
    : IIntegrationEvent;
