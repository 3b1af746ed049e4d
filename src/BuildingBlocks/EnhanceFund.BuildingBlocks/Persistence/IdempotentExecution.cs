using EnhanceFund.BuildingBlocks.Domain;
using Microsoft.EntityFrameworkCore;
using Npgsql;

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
        if (idempotencyKey is not null && await LockKeyAndFindFirstAsync(db, userId, idempotencyKey, cancellationToken) is { } first)
            return first.Replay<T>(request);

        var now = clock.GetUtcNow();
        var outcome = await act(now);
        if (idempotencyKey is not null)
            db.Set<IdempotencyRecord>().Add(IdempotencyRecord.Of(userId, idempotencyKey, request, outcome, now));

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return outcome;
    }

    /// <summary>
    /// Retries of one key queue here until the first one's transaction ends, then the key's first outcome, if any, is
    /// read. A transaction-scoped advisory lock on (schema, user, key), not a row lock, because it is the lock that
    /// is right for every request: it needs no row to exist yet (an investment is a new row; a wallet row lock worked
    /// for the wallet only because every wallet request happened to lock that row anyway), and it serializes
    /// exactly the retries of one key, leaving whatever the action must lock for its own rules (the wallet's
    /// balance) to the action. It is taken first and alone, before anything the action locks, so it adds no
    /// deadlock; two keys whose hashes collide only wait for each other.
    /// The lock and the lookup are two statements sent as one batch, one round trip: under READ COMMITTED each
    /// statement sees what committed before it began, so the lookup, begun once the lock is held, sees the first
    /// one's record. (One statement doing both would read with the snapshot it took before waiting for the lock.)
    /// </summary>
    private static Task<IdempotencyRecord?> LockKeyAndFindFirstAsync(
        ModuleDbContext db, long userId, string key, CancellationToken cancellationToken)
    {
        var schema = db.Model.GetDefaultSchema();
        return db.OnConnectionAsync(
            async connection =>
            {
                await using var batch = new NpgsqlBatch(connection)
                {
                    BatchCommands =
                    {
                        DirectSql.BatchCommand("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", $"{schema}:{userId}:{key}"),
                        DirectSql.BatchCommand(
                            $"SELECT request, outcome FROM {schema}.idempotency_records WHERE user_id = $1 AND key = $2", userId, key),
                    },
                };
                await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
                await reader.NextResultAsync(cancellationToken);
                return await reader.ReadAsync(cancellationToken) ? IdempotencyRecord.Restore(reader.GetString(0), reader.GetString(1)) : null;
            },
            cancellationToken);
    }
}
