using EnhanceFund.BuildingBlocks.Web.Auth;
using EnhanceFund.Loans.Domain;

namespace EnhanceFund.Loans.Application;

/// <summary>Who is looking, which decides which loans exist for them: anything else is a 404, never a 403.</summary>
public sealed record LoanViewer(long UserId, string Role)
{
    public IQueryable<Loan> Visible(IQueryable<Loan> loans) => Role switch
    {
        Roles.Admin => loans,
        Roles.Borrower => loans.Where(l => l.BorrowerId == UserId),
        _ => loans.Where(l => l.Status == LoanStatus.Approved),
    };
}
