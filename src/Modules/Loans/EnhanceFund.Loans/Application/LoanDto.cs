using EnhanceFund.Loans.Domain;

namespace EnhanceFund.Loans.Application;

public sealed record LoanDto(
    long Id, long BorrowerId, decimal Amount, decimal FundedAmount, decimal RemainingAmount, decimal InterestRate,
    int TermMonths, string Purpose, string Status, int InvestorCount, DateTimeOffset CreatedAt)
{
    public static LoanDto From(Loan l) =>
        new(l.Id, l.BorrowerId, l.Amount.Amount, l.FundedAmount.Amount, l.RemainingAmount.Amount, l.InterestRate,
            l.TermMonths, l.Purpose, l.Status.Code(), l.InvestorCount, l.CreatedAt);
}
