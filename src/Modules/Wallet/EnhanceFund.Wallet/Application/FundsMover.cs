using EnhanceFund.BuildingBlocks.Domain;
using EnhanceFund.BuildingBlocks.Persistence;
using EnhanceFund.Wallet.Domain;
using EnhanceFund.Wallet.Infrastructure;

namespace EnhanceFund.Wallet.Application;

/// <summary>
/// The one path by which a request moves money: lock the wallet, honour the Idempotency-Key, apply the
/// move, and commit the balance, the history line, the outbox event and the key's outcome together.
/// </summary>
internal sealed class FundsMover(WalletDbContext db, TimeProvider clock)
{
    /// <summary>Applies the move to the locked wallet; it may read more state, which the wallet lock keeps still.</summary>
    public delegate Task<Result<WalletTransaction>> Move(UserWallet wallet, long transactionId, DateTimeOffset now);

    public async Task<Result<WalletMovement>> ExecuteAsync(
        long userId, string request, string? idempotencyKey, Move move, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The wallet lock also serializes retries of one key, so the lookup below cannot race its insert.
        var wallet = await db.LockWalletAsync(userId, now, cancellationToken);

        if (idempotencyKey is not null
            && await db.IdempotencyRecords.FindAsync([userId, idempotencyKey], cancellationToken) is { } first)
        {
            return first.Replay<WalletMovement>(request);
        }

        var transactionId = await db.NextTransactionIdAsync(cancellationToken);
        var moved = await move(wallet, transactionId, now);
        Result<WalletMovement> outcome = moved.IsSuccess
            ? new WalletMovement(TransactionDto.From(moved.Value!), WalletDto.From(wallet))
            : moved.Error!;

        if (moved.IsSuccess) db.Transactions.Add(moved.Value!);
        if (idempotencyKey is not null)
            db.IdempotencyRecords.Add(IdempotencyRecord.Of(userId, idempotencyKey, request, outcome, now));

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return outcome;
    }
}
