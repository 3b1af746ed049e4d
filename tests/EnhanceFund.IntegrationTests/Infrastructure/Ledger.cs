using Npgsql;

namespace EnhanceFund.IntegrationTests.Infrastructure;

/// <summary>Reads a test database directly, across module schemas, for the facts no single API call shows.</summary>
public sealed class Ledger(string database)
{
    /// <summary>
    /// Every dollar the platform holds: wallet balances plus what open loans took and have not yet paid out.
    /// Moving money between users, loans and back never changes it; only deposits and withdrawals do.
    /// Meaningful when no step of a saga is in flight.
    /// </summary>
    public Task<decimal> MoneyHeldAsync() => ScalarAsync<decimal>(
        """
        SELECT (SELECT coalesce(sum(balance), 0) FROM wallet.wallets)
             + (SELECT coalesce(sum(funded_amount), 0) FROM loans.loans WHERE status = 'approved')
        """);

    /// <summary>Outbox rows of every module not yet delivered, parked ones included.</summary>
    public Task<long> UndeliveredAsync() => SumOverOutboxesAsync("count(*) FILTER (WHERE processed_at IS NULL)");

    /// <summary>Outbox rows of every module still to be delivered or retried: neither delivered nor parked.</summary>
    public Task<long> PendingAsync() => SumOverOutboxesAsync("count(*) FILTER (WHERE processed_at IS NULL AND parked_at IS NULL)");

    public Task<long> ParkedAsync() => SumOverOutboxesAsync("count(*) FILTER (WHERE parked_at IS NOT NULL)");

    public Task<long> DeliveredAsync() => SumOverOutboxesAsync("count(*) FILTER (WHERE processed_at IS NOT NULL)");

    /// <summary>
    /// Marks every delivered outbox row as undelivered and due, as if each relay had crashed just before recording
    /// its deliveries: every one of those events will be delivered again. Returns how many were rewound.
    /// <paramref name="onlySchema"/> limits it to one module's outbox.
    /// </summary>
    public async Task<int> RewindDeliveredAsync(string? onlySchema = null)
    {
        var rewound = 0;
        foreach (var schema in (await OutboxSchemasAsync()).Where(s => onlySchema is null || s == onlySchema))
        {
            rewound += await ExecuteNonQueryAsync(
                $"UPDATE \"{schema}\".outbox_messages SET processed_at = NULL, next_attempt_at = now() WHERE processed_at IS NOT NULL");
        }

        return rewound;
    }

    /// <summary>
    /// Ends the database session of the relay that holds a claimed batch of <paramref name="schema"/>'s outbox (it waits,
    /// idle in its transaction, while consumers work), as a crash of its instance would: whatever the consumers commit
    /// stands, and the batch's outcome is never recorded. Returns how many sessions it ended.
    /// </summary>
    public Task<int> CrashRelayHoldingABatchAsync(string schema) => ScalarAsync<int>(
        $"""
        SELECT count(pg_terminate_backend(pid))::int FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'idle in transaction'
          AND query LIKE '%FOR UPDATE SKIP LOCKED%' AND query LIKE '%"{schema}"."outbox_messages"%'
        """);

    /// <summary>
    /// The notification counters (per user, type, read and archived state) that disagree with the rows they count
    /// (read as the read marks have them): none when the triggers and mark-all-read kept every one right.
    /// </summary>
    public Task<long> WrongNotificationCountersAsync() => ScalarAsync<long>(
        """
        SELECT count(*) FROM (
            SELECT user_id, notification_type, is_read, is_archived, count(*) AS counted
            FROM notifications.notifications_read_now GROUP BY user_id, notification_type, is_read, is_archived
        ) rows
        FULL JOIN notifications.notification_counts c USING (user_id, notification_type, is_read, is_archived)
        WHERE coalesce(rows.counted, 0) <> coalesce(c.count, 0)
        """);

    /// <summary>The instances hearing notification changes: listening connections that have sent their LISTEN.</summary>
    public Task<long> ChangeListenersAsync() => ScalarAsync<long>($"SELECT count(*) FROM pg_stat_activity WHERE {ChangeListener}");

    /// <summary>Ends every instance's listening connection, as a network cut would. Returns how many it ended.</summary>
    public Task<long> CutChangeListenersAsync() =>
        ScalarAsync<long>($"SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE {ChangeListener}");

    /// <summary>
    /// Returns once <paramref name="sessions"/> sessions wait for a lock that <paramref name="holder"/> holds: what a
    /// test that holds a lock on purpose waits for before it goes on, instead of a pause that a slow run outlasts.
    /// </summary>
    public Task<long> WaitingForAsync(NpgsqlConnection holder, int sessions, string what) => Eventually.ReturnsAsync(
        () => CountAsync($"SELECT count(*) FROM pg_stat_activity WHERE {holder.ProcessID} = ANY(pg_blocking_pids(pid))"),
        n => n == sessions, what);

    /// <summary>A count the test asks for in SQL of its own.</summary>
    public Task<long> CountAsync(string sql) => ScalarAsync<long>(sql);

    /// <summary>The first column of the first row of the test's own SQL; default when there is no row or it is NULL.</summary>
    public Task<T> ValueAsync<T>(string sql) => ScalarAsync<T>(sql);

    /// <summary>The Wallet outbox row of a deposit's or a withdrawal's event, found by the movement's transaction id.</summary>
    public async Task<WalletOutboxRow> WalletOutboxRowAsync(long transactionId)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(
            $"""
            SELECT attempts, processed_at IS NOT NULL, parked_at IS NOT NULL, coalesce(last_error, '')
            FROM wallet.outbox_messages WHERE {WalletOutboxRowOf} @id
            """, connection);
        command.Parameters.AddWithValue("id", transactionId);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"no outbox row for transaction {transactionId}");
        return new WalletOutboxRow(reader.GetInt32(0), reader.GetBoolean(1), reader.GetBoolean(2), reader.GetString(3));
    }

    /// <summary>When the Wallet outbox row of a deposit's or a withdrawal's event is due again, by PostgreSQL's clock.</summary>
    public Task<DateTime> WalletOutboxNextAttemptAsync(long transactionId) => ScalarAsync<DateTime>(
        $"SELECT next_attempt_at FROM wallet.outbox_messages WHERE {WalletOutboxRowOf} {transactionId}");

    // The Wallet outbox row of a movement: its event carries the movement's transaction id.
    private const string WalletOutboxRowOf = "(payload ->> 'TransactionId')::bigint =";

    /// <summary>
    /// The types of a loan's events in the Loans outbox, in the order the relay claims them (by due time), and whether
    /// two of them are due at the same time (then the claim may return them in either order).
    /// </summary>
    public async Task<(string[] Types, bool Tied)> LoanEventsInClaimOrderAsync(long loanId)
    {
        const string rows = "FROM loans.outbox_messages WHERE (payload ->> 'LoanId')::bigint = ";
        var types = await ScalarAsync<string>($"SELECT string_agg(type, ',' ORDER BY next_attempt_at) {rows}{loanId}");
        var tied = await ScalarAsync<bool>($"SELECT count(*) > count(DISTINCT next_attempt_at) {rows}{loanId}");
        return (types.Split(','), tied);
    }

    /// <summary>PostgreSQL's clock now (not the transaction's start).</summary>
    public Task<DateTime> DatabaseClockAsync() => ScalarAsync<DateTime>("SELECT clock_timestamp()");

    /// <summary>The message PostgreSQL raises for a notification refused by <see cref="RefuseDepositNotificationsAsync"/>.</summary>
    public const string PoisonRefused = "poison notification refused on purpose";

    /// <summary>
    /// From now on the database refuses to store the notification of any deposit of <paramref name="amount"/> (a
    /// poison event: its consumer's transaction fails every time). The trigger replaces an earlier one, amount and all.
    /// </summary>
    public Task<int> RefuseDepositNotificationsAsync(decimal amount) => ExecuteNonQueryAsync(
        $"""
        CREATE OR REPLACE FUNCTION notifications.refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF NEW.message LIKE '%${amount}%' THEN RAISE EXCEPTION '{PoisonRefused}'; END IF;
            RETURN NEW;
        END $$;
        CREATE OR REPLACE TRIGGER refuse_poison BEFORE INSERT ON notifications.notifications
        FOR EACH ROW EXECUTE FUNCTION notifications.refuse_poison();
        """);

    /// <summary>
    /// From now on every statement that deletes rows of <paramref name="tables"/> (schema-qualified) records how many
    /// it deleted, in <c>public.deletes_per_statement (tab, deleted)</c>: a test of batched deletion reads it.
    /// </summary>
    public Task<int> RecordDeletesPerStatementAsync(params string[] tables) => ExecuteNonQueryAsync(
        $"""
        CREATE TABLE public.deletes_per_statement (tab text, deleted int);
        CREATE FUNCTION public.record_deletes() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO public.deletes_per_statement SELECT TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME, count(*) FROM old_rows;
            RETURN NULL;
        END
        $$;
        {string.Join("\n", tables.Select(table =>
            $"CREATE TRIGGER record_deletes AFTER DELETE ON {table} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION public.record_deletes();"))}
        """);

    /// <summary>Runs a statement on the test database (a test's own trigger, say).</summary>
    public Task<int> ExecuteAsync(string sql) => ExecuteNonQueryAsync(sql);

    // The listener names its connection; its first statement is its LISTEN.
    private const string ChangeListener =
        "application_name = 'enhancefund-notification-changes' AND query <> '' AND datname = current_database()";

    private async Task<long> SumOverOutboxesAsync(string aggregate)
    {
        long total = 0;
        foreach (var schema in await OutboxSchemasAsync())
            total += await ScalarAsync<long>($"SELECT {aggregate} FROM \"{schema}\".outbox_messages");
        return total;
    }

    private async Task<List<string>> OutboxSchemasAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT table_schema FROM information_schema.tables WHERE table_name = 'outbox_messages' ORDER BY 1", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var schemas = new List<string>();
        while (await reader.ReadAsync()) schemas.Add(reader.GetString(0));
        return schemas;
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync() switch
        {
            null or DBNull => default!,
            T value => value,
            var other => (T)Convert.ChangeType(other, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T)),
        };
    }

    private async Task<int> ExecuteNonQueryAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync();
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        return connection;
    }
}

public sealed record WalletOutboxRow(int Attempts, bool Processed, bool Parked, string LastError);
