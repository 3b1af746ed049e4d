using EnhanceFund.BuildingBlocks.Persistence;
using EnhanceFund.Wallet.Domain;
using Microsoft.EntityFrameworkCore;

namespace EnhanceFund.Wallet.Infrastructure;

public sealed class WalletDbContext(DbContextOptions<WalletDbContext> options) : ModuleDbContext(options)
{
    public const string SchemaName = "wallet";
    private const string TransactionIds = "transaction_ids";

    public DbSet<UserWallet> Wallets => Set<UserWallet>();

    public DbSet<WalletTransaction> Transactions => Set<WalletTransaction>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public DbSet<LoanDebt> LoanDebts => Set<LoanDebt>();

    protected override string Schema => SchemaName;

    /// <summary>
    /// Creates the user's wallet if it does not exist yet (a request can beat the UserRegistered event)
    /// and locks it until the transaction ends: concurrent debits of one wallet queue here, one at a time.
    /// </summary>
    public async Task<UserWallet> LockWalletAsync(long userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await EnsureWalletAsync(userId, now, cancellationToken);
        var wallets = await Wallets
            .FromSql($"SELECT * FROM wallet.wallets WHERE user_id = {userId} FOR UPDATE")
            .ToListAsync(cancellationToken);
        return wallets.Single();
    }

    /// <summary>Reserves the id of the next history line.</summary>
    public Task<long> NextTransactionIdAsync(CancellationToken cancellationToken) => NextIdAsync(TransactionIds, cancellationToken);

    public Task EnsureWalletAsync(long userId, DateTimeOffset now, CancellationToken cancellationToken) =>
        Database.ExecuteSqlAsync(
            $"""
             INSERT INTO wallet.wallets (user_id, balance, currency, updated_at)
             VALUES ({userId}, 0, {UserWallet.Usd}, {now})
             ON CONFLICT (user_id) DO NOTHING
             """,
            cancellationToken);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.HasSequence<long>(TransactionIds);
        modelBuilder.ApplyConfiguration(new IdempotencyRecordConfiguration());
    }
}
