using EnhanceFund.BuildingBlocks.Domain;

namespace EnhanceFund.Loans.Application;

internal static class LoanErrors
{
    public static readonly Error NotFound = Error.NotFound("Loan not found.");
}
