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

/// <summary>Why a loan refuses funding; the codes are the investment's <c>rejection_reason</c> in the API.</summary>
public static class FundingRejectionReasons
{
    /// <summary>The loan does not exist, or is not open for investment: pending, repaid or rejected.</summary>
    public const string LoanNotOpen = "loan_not_open";

    /// <summary>The investment is larger than what the loan still needs (nothing, once it is fulfilled).</summary>
    public const string ExceedsRemaining = "exceeds_remaining";
}
