namespace EnhanceFund.Investments.Contracts;

/// <summary>
/// Every reason an investment can be rejected for, in one place: the <c>rejection_reason</c> codes of the API, carried
/// by <see cref="InvestmentRejected"/> and by the loan and wallet events on the way to it.
/// </summary>
public static class InvestmentRejectionReasons
{
    /// <summary>The investor's wallet could not cover the amount; nothing was taken from it.</summary>
    public const string InsufficientFunds = "insufficient_funds";

    /// <summary>The loan does not exist, or is not open for investment: pending, fulfilled, repaid or rejected.</summary>
    public const string LoanNotOpen = "loan_not_open";

    /// <summary>The investment is larger than what an approved loan still needs.</summary>
    public const string ExceedsRemaining = "exceeds_remaining";
}
