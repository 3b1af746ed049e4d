using EnhanceFund.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace EnhanceFund.BuildingBlocks.Messaging;

/// <summary>
/// The relay's statements on one module's outbox table. Every due time is PostgreSQL's clock: one clock for whatever
/// schedules a retry and whatever claims it, however the instances' clocks disagree.
/// </summary>
internal sealed class OutboxSql
{
    public OutboxSql(ModuleDbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(OutboxMessage))!;
        Module = entity.GetSchema()!;
        var table = $"\"{entity.GetSchema()}\".\"{entity.GetTableName()}\"";

        // A message never tried is due at once, whatever clock stamped it; a retry is due when now() reaches it. The
        // claim marks its rows delivered in the same statement, a round trip the relay would otherwise make after the
        // delivery: a failure or a release puts the mark back, and a rollback takes every mark with it. now() is the
        // transaction's start, so the mark reads the same as it would have after the delivery in that transaction.
        // RETURNING has no order of its own: the outer SELECT gives the claim's. Sent by Npgsql alone (DirectSql).
        Claim = $"""
            WITH due AS (
                SELECT id FROM {table}
                WHERE processed_at IS NULL AND parked_at IS NULL AND (attempts = 0 OR next_attempt_at <= now())
                ORDER BY next_attempt_at
                LIMIT $1
                FOR UPDATE SKIP LOCKED
            ), claimed AS (
                UPDATE {table} AS m SET processed_at = now() FROM due WHERE m.id = due.id RETURNING m.*
            )
            SELECT id, type, payload, occurred_at, attempts, trace_parent, trace_state FROM claimed ORDER BY next_attempt_at
            """;
        Release = $"UPDATE {table} SET processed_at = NULL WHERE id = ANY({"{0}"})";
        // A retry is due a delay after the failure, not after the claim: clock_timestamp() is the moment the failure
        // is recorded, where now() is the relay's transaction's start, as long before as the batch took.
        RecordFailure = $"""
            UPDATE {table}
            SET processed_at = NULL, attempts = {"{1}"}, last_error = {"{2}"}, next_attempt_at = clock_timestamp() + {"{3}"},
                parked_at = CASE WHEN {"{4}"} THEN clock_timestamp() END
            WHERE id = {"{0}"}
            """;
    }

    /// <summary>The module whose outbox this is: its schema.</summary>
    public string Module { get; }

    /// <summary>
    /// Claims the due messages, each marked delivered until its outcome says otherwise. Parameter $1: the batch size.
    /// Its rows are read by <see cref="ReadClaimed"/>.
    /// </summary>
    public string Claim { get; }

    /// <summary>A row of <see cref="Claim"/>: what the relay uses of a message (its schedule stays in the table).</summary>
    public static OutboxMessage ReadClaimed(NpgsqlDataReader row) =>
        new(row.GetGuid(0), row.GetString(1), row.GetString(2), row.GetFieldValue<DateTimeOffset>(3),
            row.IsDBNull(5) ? null : row.GetString(5), row.IsDBNull(6) ? null : row.GetString(6))
        {
            Attempts = row.GetInt32(4),
        };

    /// <summary>Puts claimed messages back, undelivered and untried. Parameter {0}: their ids.</summary>
    public string Release { get; }

    /// <summary>Parameters: {0} id, {1} attempts, {2} last error, {3} retry delay, {4} parked.</summary>
    public string RecordFailure { get; }
}
