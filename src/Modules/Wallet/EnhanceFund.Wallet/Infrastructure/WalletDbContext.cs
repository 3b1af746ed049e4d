using EnhanceFund.Wallet.Domain;

namespace EnhanceFund.Wallet.Infrastructure;

public sealed class WalletDbContext(DbContextOptions<WalletDbContext> options) : ModuleDbContext(options, SchemaName, TransactionIds)
{
    public const string SchemaName = "wallet";
    private const string TransactionIds = "transaction_ids";

    public DbSet<UserWallet> Wallets => Set<UserWallet>();

    public DbSet<WalletTransaction> Transactions => Set<WalletTransaction>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public DbSet<LoanDebt> LoanDebts => Set<LoanDebt>();

    protected override void ConfigureTables(ModelBuilder model)
    {
        model.Entity<UserWallet>(wallet =>
        {
            // The check is the last line of defence: even a bug that skipped the domain rule cannot commit a negative balance.
            wallet.ToTable("wallets", t => t.HasCheckConstraint("ck_wallets_balance_not_negative", "balance >= 0"));
            wallet.HasKey(w => w.UserId);
            wallet.Property(w => w.Currency).HasMaxLength(3);
        });
        model.Entity<WalletTransaction>(transaction =>
        {
            transaction.ToTable("transactions");
            transaction.HasKey(t => t.Id);
            transaction.Property(t => t.Type)
                .HasConversion(type => type.Code(), code => TransactionTypeCodes.Parse(code))
                .HasMaxLength(30);
            transaction.Property(t => t.RelatedType).HasMaxLength(30);
            transaction.HasIndex(t => new { t.UserId, t.Id }).IsDescending(false, true);
        });
        model.Entity<LoanDebt>(debt =>
        {
            debt.ToTable("loan_debts");
            debt.HasKey(d => d.LoanId);
        });
    }

    /// <summary>
    /// The loan's debt, opened by whichever of the loan's request and its disbursement arrives first: a retried
    /// delivery can bring the disbursement before the request.
    /// </summary>
    public async Task<LoanDebt> OpenLoanDebtAsync(long loanId, long borrowerId, CancellationToken cancellationToken)
    {
        if (await LoanDebts.FindAsync([loanId], cancellationToken) is { } debt) return debt;
        debt = LoanDebt.Open(loanId, borrowerId);
        LoanDebts.Add(debt);
        return debt;
    }

    /// <summary>Applies a move of money to a locked wallet: the history line it wrote, or null when it refused.</summary>
    public delegate Task<WalletTransaction?> FundsMove(UserWallet wallet, long transactionId, DateTimeOffset now);

    /// <summary>
    /// The one way money moves on a wallet, for requests and events alike: locks the wallet, reserves the id of its
    /// next history line, lets <paramref name="move"/> apply the domain rule (it may read more state, which the
    /// wallet lock keeps still), and adds the line it wrote to the history. Returns the wallet as the move left it,
    /// locked until the transaction ends.
    /// </summary>
    public async Task<UserWallet> MoveFundsAsync(long userId, TimeProvider clock, FundsMove move, CancellationToken cancellationToken)
    {
        var (wallet, transactionId) = await LockWalletAsync(userId, clock, cancellationToken);
        // The time is read under the lock, as the line's id is taken: one wallet's lines are timed in the order they
        // commit, where a time read before the lock wait could be older than the line before it.
        var now = clock.GetUtcNow();
        if (await move(wallet, transactionId, now) is { } line) Transactions.Add(line);
        return wallet;
    }

    /// <inheritdoc cref="MoveFundsAsync(long, TimeProvider, FundsMove, CancellationToken)"/>
    public Task<UserWallet> MoveFundsAsync(
        long userId, TimeProvider clock, Func<UserWallet, long, DateTimeOffset, WalletTransaction?> move, CancellationToken cancellationToken) =>
        MoveFundsAsync(userId, clock, (wallet, transactionId, now) => Task.FromResult(move(wallet, transactionId, now)), cancellationToken);

    /// <summary>
    /// Locks the user's wallet until the transaction ends (concurrent moves of one wallet queue here, one at a time)
    /// and reserves the id of its next history line. A request can beat the UserRegistered event that opens the
    /// wallet; then the wallet is opened here first. The wallet nearly always exists, so the lock is tried first.
    /// </summary>
    private async Task<(UserWallet Wallet, long TransactionId)> LockWalletAsync(long userId, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await LockExistingWalletAsync(userId, cancellationToken) is { } locked) return locked;
        await EnsureWalletAsync(userId, clock.GetUtcNow(), cancellationToken);
        return await LockExistingWalletAsync(userId, cancellationToken)
            ?? throw new InvalidOperationException($"The wallet of user {userId} was opened but cannot be found.");
    }

    /// <summary>
    /// One round trip, because on this path every round trip counts (a deposit's three: this, the writes, the
    /// commit). The id is taken after the lock (the CTE is materialized, so nextval runs above its row lock): one
    /// wallet's history lines are numbered in the order they commit. Sent by Npgsql alone (<see cref="DirectSql"/>),
    /// as it runs for every move of money.
    /// </summary>
    private async Task<(UserWallet Wallet, long TransactionId)?> LockExistingWalletAsync(long userId, CancellationToken cancellationToken)
    {
        var rows = await this.QueryAsync(
            LockWalletSql,
            row => new LockedWallet(row.GetInt64(0), row.GetDecimal(1), row.GetString(2), row.GetFieldValue<DateTimeOffset>(3), row.GetInt64(4)),
            cancellationToken, userId);
        if (rows is not [var row]) return null;
        // A consumer's batch can move one wallet twice in a transaction: the first move's wallet, tracked with its
        // unsaved balance, is the one to move again (as a tracking query would have returned it).
        if (Wallets.Local.FindEntry(row.UserId)?.Entity is not { } wallet)
        {
            wallet = UserWallet.Restore(row.UserId, Money.Of(row.Balance), row.Currency, row.UpdatedAt);
            Wallets.Attach(wallet);
        }

        return (wallet, row.NextTransactionId);
    }

    /// <summary>A wallet's row as its lock reads it, with the id reserved for its next history line.</summary>
    private sealed record LockedWallet(long UserId, decimal Balance, string Currency, DateTimeOffset UpdatedAt, long NextTransactionId);

    private const string LockWalletSql = $"""
        WITH locked AS MATERIALIZED (SELECT * FROM {SchemaName}.wallets WHERE user_id = $1 FOR UPDATE)
        SELECT user_id, balance, currency, updated_at, nextval('{SchemaName}.{TransactionIds}') FROM locked
        """;

    public Task EnsureWalletAsync(long userId, DateTimeOffset now, CancellationToken cancellationToken) =>
        Database.ExecuteSqlAsync(
            $"""
             INSERT INTO wallet.wallets (user_id, balance, currency, updated_at)
             VALUES ({userId}, 0, {UserWallet.Usd}, {now})
             ON CONFLICT (user_id) DO NOTHING
             """,
            cancellationToken);
}
