using EnhanceFund.Investments.Domain;

namespace EnhanceFund.Investments.Infrastructure;

public sealed class InvestmentsDbContext(DbContextOptions<InvestmentsDbContext> options) : ModuleDbContext(options, SchemaName, InvestmentIds)
{
    public const string SchemaName = "investments";
    private const string InvestmentIds = "investment_ids";

    public DbSet<Investment> Investments => Set<Investment>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public Task<long> NextInvestmentIdAsync(CancellationToken cancellationToken) => NextIdAsync(InvestmentIds, cancellationToken);

    /// <summary>The investment, tracked; a saga step must find it (its request committed before its events left).</summary>
    public async Task<Investment> InvestmentAsync(long id, CancellationToken cancellationToken) =>
        await Investments.FindAsync([id], cancellationToken)
        ?? throw new InvalidOperationException($"Investment {id} does not exist.");
}
