using EnhanceFund.Investments.Domain;

namespace EnhanceFund.Investments.Application;

public sealed record InvestmentDto(
    long Id, long LoanId, long InvestorId, decimal Amount, string Status, string? RejectionReason, decimal? ExpectedReturn,
    DateTimeOffset CreatedAt)
{
    public static InvestmentDto From(Investment i) =>
        new(i.Id, i.LoanId, i.InvestorId, i.Amount.Amount, i.Status.Code(), i.RejectionReason, i.ExpectedReturn?.Amount, i.CreatedAt);
}
