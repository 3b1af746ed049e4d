using EnhanceFund.BuildingBlocks.Persistence;
using EnhanceFund.Loans.Domain;
using Microsoft.EntityFrameworkCore;

namespace EnhanceFund.Loans.Infrastructure;

public sealed class LoansDbContext(DbContextOptions<LoansDbContext> options) : ModuleDbContext(options)
{
    public const string SchemaName = "loans";
    public const string LoanIds = "loan_ids";

    public DbSet<Loan> Loans => Set<Loan>();

    protected override string Schema => SchemaName;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.HasSequence<long>(LoanIds);
    }
}
