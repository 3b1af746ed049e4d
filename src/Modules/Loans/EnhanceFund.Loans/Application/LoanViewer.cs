using EnhanceFund.Loans.Domain;
using EnhanceFund.Loans.Infrastructure;

namespace EnhanceFund.Loans.Application;

/// <summary>Who is looking, which decides which loans exist for them: anything else is a 404, never a 403.</summary>
public sealed record LoanViewer(long UserId, string ViewerRole)
{
    /// <summary>Admins see every loan, borrowers their own, investors the open ones and those that took their money.</summary>
    public IQueryable<Loan> Visible(LoansDbContext db) => Visible(db.Loans.AsNoTracking(), db.Fundings);

    private IQueryable<Loan> Visible(IQueryable<Loan> loans, IQueryable<LoanFunding> fundings) => ViewerRole switch
    {
        Role.Admin => loans,
        Role.Borrower => loans.Where(l => l.BorrowerId == UserId),
        _ => loans.Where(l => l.Status == LoanStatus.Approved
            || fundings.Any(f => f.LoanId == l.Id && f.InvestorId == UserId && f.RejectionReason == null)),
    };
}
