using EnhanceFund.BuildingBlocks.Domain;
using Microsoft.EntityFrameworkCore;

namespace EnhanceFund.BuildingBlocks.Persistence;

/// <summary>
/// The one way a request that may carry an Idempotency-Key acts. In one transaction: a key that already acted
/// gets its first outcome back (or a 409 for another request under it); otherwise the action runs and its outcome,
/// a refusal as well, is stored under the key and committed with the action's own writes and events.
/// The module's DbContext maps <see cref="IdempotencyRecord"/> (<see cref="IdempotencyRecordConfiguration"/>).
/// </summary>
public static class IdempotentExecution
{
    public static async Task<Result<T>> ExecuteOnceAsync<T>(
        this ModuleDbContext db, TimeProvider clock, long userId, string? idempotencyKey, string request,
        Func<DateTimeOffset, Task<Result<T>>> act, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var records = db.Set<IdempotencyRecord>();
        if (idempotencyKey is not null)
        {
            await LockKeyAsync(db, userId, idempotencyKey, cancellationToken);
            if (await records.FindAsync([userId, idempotencyKey], cancellationToken) is { } first)
                return first.Replay<T>(request);
        }

        var now = clock.GetUtcNow();
        var outcome = await act(now);
        if (idempotencyKey is not null)
            records.Add(IdempotencyRecord.Of(userId, idempotencyKey, request, outcome, now));

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return outcome;
    }

    /// <summary>
    /// Retries of one key queue here until the first one's transaction ends, so the lookup after it cannot race
    /// the first one's insert (under READ COMMITTED each statement sees what committed before it began).
    /// A transaction-scoped advisory lock on (schema, user, key), not a row lock, because it is the lock that is
    /// right for every request: it needs no row to exist yet (an investment is a new row; a wallet row lock worked
    /// for the wallet only because every wallet request happened to lock that row anyway), and it serializes
    /// exactly the retries of one key, leaving whatever the action must lock for its own rules (the wallet's
    /// balance) to the action. It is taken first and alone, before anything the action locks, so it adds no
    /// deadlock; two keys whose hashes collide only wait for each other.
    /// </summary>
    private static Task<int> LockKeyAsync(ModuleDbContext db, long userId, string key, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(
            $"SELECT pg_advisory_xact_lock(hashtextextended({db.Model.GetDefaultSchema() + ":" + userId + ":" + key}, 0))",
            cancellationToken);
}
