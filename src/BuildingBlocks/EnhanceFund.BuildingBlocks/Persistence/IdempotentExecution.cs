using EnhanceFund.BuildingBlocks.Domain;
using Microsoft.EntityFrameworkCore;

namespace EnhanceFund.BuildingBlocks.Persistence;

/// <summary>
/// The one way a request that may carry an Idempotency-Key acts. In one transaction the action runs and its outcome,
/// a refusal as well, is stored under the key and committed with the action's own writes and events. A key that
/// already acted gets its first outcome back (or a 409 for another request under it).
/// The module's DbContext maps <see cref="IdempotencyRecord"/> (<see cref="IdempotencyRecordConfiguration"/>).
/// </summary>
public static class IdempotentExecution
{
    /// <summary>
    /// A request with a key acts first and finds out whether it is a retry when it stores its outcome: the key's
    /// primary key refuses a second record. Nearly every keyed request is a first, and so costs no more round trips
    /// than one without a key. A retry's insert waits for the first one's transaction (the unique index holds it
    /// there) and fails once that commits; its transaction rolls back, so whatever its action did (money moved, a
    /// row added, an event) is undone, and it answers with the first one's outcome, read after the rollback. So does a
    /// retry whose action throws, if the key has acted: a failure of the retry is not the request's outcome.
    /// </summary>
    public static async Task<Result<T>> ExecuteOnceAsync<T>(
        this ModuleDbContext db, TimeProvider clock, long userId, string? idempotencyKey, string request,
        Func<DateTimeOffset, Task<Result<T>>> act, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return await ActAsync(db, clock, userId, idempotencyKey, request, act, cancellationToken);
            }
            catch (Exception ex) when (idempotencyKey is not null && ex is not OperationCanceledException)
            {
                // The key's record refused ours, or the action failed on what the first attempt, committed since,
                // left behind: once the key has acted, its first outcome is the answer.
                if (await FirstOutcomeAsync(db, userId, idempotencyKey, cancellationToken) is { } first) return first.Replay<T>(request);
                // Refused by a record gone since: it outlived Idempotency:Retention, so the key acts anew.
                if (ex.IsUniqueViolation(IdempotencyRecordConfiguration.PrimaryKey)) continue;
                throw;
            }
        }
    }

    /// <summary>The key's first outcome, read after the failed attempt rolled back (null when the key has not acted).</summary>
    private static async Task<IdempotencyRecord?> FirstOutcomeAsync(
        ModuleDbContext db, long userId, string idempotencyKey, CancellationToken cancellationToken)
    {
        // What the rolled-back attempt added or changed must not be saved by anything after it.
        db.ChangeTracker.Clear();
        return await db.Set<IdempotencyRecord>().AsNoTracking()
            .SingleOrDefaultAsync(r => r.UserId == userId && r.Key == idempotencyKey, cancellationToken);
    }

    private static async Task<Result<T>> ActAsync<T>(
        ModuleDbContext db, TimeProvider clock, long userId, string? idempotencyKey, string request,
        Func<DateTimeOffset, Task<Result<T>>> act, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var outcome = await act(now);
        if (idempotencyKey is not null)
            db.Set<IdempotencyRecord>().Add(IdempotencyRecord.Of(userId, idempotencyKey, request, outcome, now));

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return outcome;
    }
}
