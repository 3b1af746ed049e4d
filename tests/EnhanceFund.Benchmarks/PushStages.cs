using System.Diagnostics;
using Npgsql;

namespace EnhanceFund.Benchmarks;

/// <summary>
/// Where a deposit's request -> push time went: how late the client sent it, then the timestamps the platform stores
/// anyway: the 201, the relay's claim (the outbox row's processed_at is its transaction's now(), taken at the claim),
/// the notifying consumer's start (the notification's created_at), its commit (the commit timestamp PostgreSQL keeps
/// of the transaction that inserted the notification: scripts/bench.sh turns <c>track_commit_timestamp</c> on) and
/// the push's arrival. Host, PostgreSQL and client read one machine's clock.
/// </summary>
internal static class PushStages
{
    // Stopwatch timestamps of this process as wall-clock times: one anchor, taken once.
    private static readonly DateTime AnchorWall = DateTime.UtcNow;
    private static readonly long AnchorTicks = Stopwatch.GetTimestamp();

    private static DateTime WallClock(long timestamp) => AnchorWall + Stopwatch.GetElapsedTime(AnchorTicks, timestamp);

    public const string Header =
        "due -> sent (the client behind its schedule) | request -> 201 | 201 -> relay's claim | claim -> consumer starts | consumer starts -> its commit | commit -> push received";

    /// <summary>p50 / p99 of each stage, for the deposits whose push arrived (by transaction id).</summary>
    public static async Task<string> DescribeAsync(
        string database, IReadOnlyList<SentDeposit> sent, IReadOnlyDictionary<long, long> pushedAt)
    {
        var stored = await StoredTimesAsync(database, sent.Select(s => s.TransactionId).ToArray());
        var stages = new List<double>[Header.Split(" | ").Length];
        for (var i = 0; i < stages.Length; i++) stages[i] = [];
        foreach (var deposit in sent)
        {
            if (!stored.TryGetValue(deposit.TransactionId, out var at) || !pushedAt.TryGetValue(deposit.TransactionId, out var pushed)) continue;
            var answered = WallClock(deposit.AnsweredAt);
            stages[0].Add(Stopwatch.GetElapsedTime(deposit.DueAt, deposit.SentAt).TotalMilliseconds);
            stages[1].Add(Stopwatch.GetElapsedTime(deposit.SentAt, deposit.AnsweredAt).TotalMilliseconds);
            stages[2].Add((at.Claimed - answered).TotalMilliseconds);
            stages[3].Add((at.Consumed - at.Claimed).TotalMilliseconds);
            stages[4].Add((at.Committed - at.Consumed).TotalMilliseconds);
            stages[5].Add((WallClock(pushed) - at.Committed).TotalMilliseconds);
        }

        return string.Join(" | ", stages.Select(s =>
        {
            s.Sort();
            return $"{Percentiles.Ms(Percentiles.Of(s, 50))} / {Percentiles.Ms(Percentiles.Of(s, 99))}";
        }));
    }

    private static async Task<Dictionary<long, StoredTimes>> StoredTimesAsync(string database, long[] transactionIds)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT n.related_id, o.processed_at, n.created_at, pg_xact_commit_timestamp(n.xmin)
            FROM notifications.notifications n JOIN wallet.outbox_messages o ON o.id = n.source_event_id
            WHERE n.notification_type = 'fund_added' AND n.related_id = ANY(@ids)
            """, connection);
        command.Parameters.AddWithValue("ids", transactionIds);
        var times = new Dictionary<long, StoredTimes>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            times[reader.GetInt64(0)] = new StoredTimes(reader.GetDateTime(1), reader.GetDateTime(2), reader.GetDateTime(3));
        return times;
    }

    /// <summary>When the relay claimed a deposit's event, and when the notifying consumer started and committed.</summary>
    private sealed record StoredTimes(DateTime Claimed, DateTime Consumed, DateTime Committed);
}
