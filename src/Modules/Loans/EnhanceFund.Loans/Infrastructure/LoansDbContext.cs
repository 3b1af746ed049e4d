using EnhanceFund.Loans.Domain;

namespace EnhanceFund.Loans.Infrastructure;

public sealed class LoansDbContext(DbContextOptions<LoansDbContext> options) : ModuleDbContext(options, SchemaName, LoanIds)
{
    public const string SchemaName = "loans";
    public const string LoanIds = "loan_ids";

    public DbSet<Loan> Loans => Set<Loan>();

    public DbSet<LoanFunding> Fundings => Set<LoanFunding>();

    /// <summary>Locks the loan row until the transaction ends: fundings, approvals and repayment of one loan queue here.</summary>
    public async Task<Loan?> LockLoanAsync(long loanId, CancellationToken cancellationToken) =>
        (await Loans.FromSql($"SELECT * FROM loans.loans WHERE id = {loanId} FOR UPDATE").ToListAsync(cancellationToken))
        .SingleOrDefault();

    /// <summary>The fundings whose money the loan took (a rejected one took nothing).</summary>
    public IQueryable<LoanFunding> AcceptedFundings(long loanId) => Fundings.Where(f => f.LoanId == loanId && f.RejectionReason == null);
}
