using EnhanceFund.Wallet.Domain;
using EnhanceFund.Wallet.Infrastructure;

namespace EnhanceFund.Wallet.Application;

/// <summary>
/// The one path by which a request moves money: honour the Idempotency-Key, lock the wallet, apply the move, and
/// commit the balance, the history line, the outbox event and the key's outcome together.
/// </summary>
internal sealed class FundsMover(WalletDbContext db, TimeProvider clock)
{
    /// <summary>Applies the move to the locked wallet; it may read more state, which the wallet lock keeps still.</summary>
    public delegate Task<Result<WalletTransaction>> Move(UserWallet wallet, long transactionId, DateTimeOffset now);

    public Task<Result<WalletMovement>> ExecuteAsync(
        long userId, string request, string? idempotencyKey, Move move, CancellationToken cancellationToken) =>
        db.ExecuteOnceAsync<WalletMovement>(
            clock, userId, idempotencyKey, request,
            async _ =>
            {
                Result<WalletTransaction>? moved = null;
                var wallet = await db.MoveFundsAsync(
                    userId, clock, async (locked, transactionId, at) => (moved = await move(locked, transactionId, at)).Value,
                    cancellationToken);
                return moved!.IsSuccess ? new WalletMovement(TransactionDto.From(moved.Value!), WalletDto.From(wallet)) : moved.Error!;
            },
            cancellationToken);

    /// <inheritdoc cref="ExecuteAsync(long, string, string?, Move, CancellationToken)"/>
    public Task<Result<WalletMovement>> ExecuteAsync(
        long userId, string request, string? idempotencyKey,
        Func<UserWallet, long, DateTimeOffset, Result<WalletTransaction>> move, CancellationToken cancellationToken) =>
        ExecuteAsync(
            userId, request, idempotencyKey, (wallet, transactionId, now) => Task.FromResult(move(wallet, transactionId, now)),
            cancellationToken);
}
