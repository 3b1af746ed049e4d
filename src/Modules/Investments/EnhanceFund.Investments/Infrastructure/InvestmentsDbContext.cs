using EnhanceFund.Investments.Domain;

namespace EnhanceFund.Investments.Infrastructure;

public sealed class InvestmentsDbContext(DbContextOptions<InvestmentsDbContext> options) : ModuleDbContext(options, SchemaName, InvestmentIds)
{
    public const string SchemaName = "investments";
    private const string InvestmentIds = "investment_ids";

    public DbSet<Investment> Investments => Set<Investment>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    protected override void ConfigureTables(ModelBuilder model) =>
        model.Entity<Investment>(investment =>
        {
            investment.ToTable("investments", t => t.HasCheckConstraint("ck_investments_amount_positive", "amount > 0"));
            investment.HasKey(i => i.Id);
            investment.Property(i => i.Status)
                .HasConversion(s => s.Code(), code => InvestmentStatusCodes.Parse(code))
                .HasMaxLength(20);
            investment.Property(i => i.RejectionReason).HasMaxLength(40);
            investment.HasIndex(i => new { i.InvestorId, i.Id }).IsDescending(false, true).HasDatabaseName("ix_investments_investor_id_id");
        });

    public Task<long> NextInvestmentIdAsync(CancellationToken cancellationToken) => NextIdAsync(InvestmentIds, cancellationToken);

    /// <summary>The investment, tracked; a saga step must find it (its request committed before its events left).</summary>
    public async Task<Investment> InvestmentAsync(long id, CancellationToken cancellationToken) =>
        await Investments.FindAsync([id], cancellationToken)
        ?? throw new InvalidOperationException($"Investment {id} does not exist.");
}
