using EnhanceFund.Loans.Domain;

namespace EnhanceFund.Loans.Infrastructure;

public sealed class LoansDbContext(DbContextOptions<LoansDbContext> options) : ModuleDbContext(options, SchemaName, LoanIds)
{
    public const string SchemaName = "loans";
    public const string LoanIds = "loan_ids";

    public DbSet<Loan> Loans => Set<Loan>();

    public DbSet<LoanFunding> Fundings => Set<LoanFunding>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    protected override void ConfigureTables(ModelBuilder model)
    {
        model.Entity<Loan>(loan =>
        {
            loan.ToTable("loans", t =>
            {
                t.HasCheckConstraint("ck_loans_funded_within_amount", "funded_amount >= 0 AND funded_amount <= amount");
                t.HasCheckConstraint("ck_loans_interest_rate", "interest_rate > 0 AND interest_rate <= 100");
                t.HasCheckConstraint("ck_loans_term_months", "term_months BETWEEN 1 AND 120");
            });
            loan.HasKey(l => l.Id);
            loan.Property(l => l.InterestRate).HasColumnType("numeric(5,2)");
            loan.Property(l => l.Purpose).HasMaxLength(500);
            loan.Property(l => l.Status).HasConversion(s => s.Code(), code => LoanStatusCodes.Parse(code)).HasMaxLength(20);
            loan.Ignore(l => l.RemainingAmount);
            loan.Ignore(l => l.RepaymentDue);
            loan.HasIndex(l => new { l.Status, l.Id }).IsDescending(false, true);
            loan.HasIndex(l => new { l.BorrowerId, l.Id }).IsDescending(false, true);
        });
        model.Entity<LoanFunding>(funding =>
        {
            funding.ToTable("loan_fundings");
            funding.HasKey(f => f.InvestmentId);
            funding.Property(f => f.RejectionReason).HasMaxLength(40);
            funding.HasIndex(f => new { f.LoanId, f.InvestorId }).HasDatabaseName("ix_loan_fundings_loan_id_investor_id");
            funding.HasIndex(f => new { f.InvestorId, f.LoanId }).HasDatabaseName("ix_loan_fundings_investor_id_loan_id");
        });
    }

    /// <summary>Locks the loan row until the transaction ends: fundings, approvals and repayment of one loan queue here.</summary>
    public async Task<Loan?> LockLoanAsync(long loanId, CancellationToken cancellationToken) =>
        (await Loans.FromSql($"SELECT * FROM loans.loans WHERE id = {loanId} FOR UPDATE").ToListAsync(cancellationToken))
        .SingleOrDefault();

    /// <summary>The fundings whose money the loan took (a rejected one took nothing).</summary>
    public IQueryable<LoanFunding> AcceptedFundings(long loanId) => Fundings.Where(f => f.LoanId == loanId && f.RejectionReason == null);
}
