using System.Diagnostics;
using System.Net;
using EnhanceFund.IntegrationTests.Infrastructure;

namespace EnhanceFund.Benchmarks;

/// <summary>
/// One user with N unread notifications (inserted in SQL, through the same triggers as the consumers' inserts):
/// how long <c>POST /api/notifications/mark-all-read</c> takes, and how long a deposit of that user waits for its
/// notification to be stored meanwhile; the counters checked against the rows after each run. With --big-table,
/// among other users' notifications.
/// </summary>
internal static class MarkAllRead
{
    private const int Runs = 5;

    public static async Task RunAsync(string database, ApiClient user, int unread, int otherUsersRows)
    {
        var ledger = new Ledger(database);
        if (otherUsersRows > 0) await RestLoad.GrowTableAsync(database, otherUsersRows);
        await ledger.ExecuteAsync($"""
            INSERT INTO notifications.notifications
                (user_id, notification_type, title, message, is_read, created_at, related_id, related_type, source_event_id)
            SELECT {user.UserId}, 'fund_added', 'Fund Added Successfully', 'Seeded for the benchmark.', false, now(), g, 'transaction',
                   gen_random_uuid()
            FROM generate_series(1, {unread}) g
            """);
        Console.WriteLine($"mark-all-read of {unread} unread notifications, {Runs} runs (each after marking them unread again in SQL, and a vacuum)");
        Console.WriteLine("| run | mark-all-read | rows rewritten | a deposit meanwhile: 201 -> listed | counters = rows |");
        Console.WriteLine("|---|---|---|---|---|");
        // Not timed: the first request of each kind in the process pays for compiling its code (and PostgreSQL for
        // planning its statements), which is not what this measures.
        await user.PostAsync("/api/notifications/mark-all-read");
        await user.PostAsync("/api/wallet/deposits", new { amount = 1m });
        var timings = new List<double>();
        for (var run = 1; run <= Runs; run++)
        {
            // The last run's marks written into the rows first: rows under a mark stay read whatever their own flag says.
            await ledger.ExecuteAsync($"SELECT notifications.fold_read_marks({user.UserId})");
            await ledger.ExecuteAsync($"UPDATE notifications.notifications SET is_read = false WHERE user_id = {user.UserId}");
            // As autovacuum would have done between a user's mark-all-reads: otherwise each run pays for the last one's
            // 10,000 dead row versions.
            await ledger.ExecuteAsync("VACUUM ANALYZE notifications.notifications");
            var updatesBefore = await RowUpdatesAsync(ledger);
            // The mark timed on its own: its time is when its answer came, whether the deposit took longer or not.
            var marking = TimedAsync(() => user.PostAsync("/api/notifications/mark-all-read"));
            var deposit = await user.PostAsync("/api/wallet/deposits", new { amount = 1m });
            var depositAnswered = Stopwatch.GetTimestamp();
            var (marked, markAllReadMs) = await marking;
            if (marked.Status != HttpStatusCode.OK || deposit.Status != HttpStatusCode.Created) throw new InvalidOperationException($"{marked} / {deposit}");
            var transactionId = deposit.Data["transaction"]!["id"]!.GetValue<long>();
            while (await ledger.CountAsync($"SELECT count(*) FROM notifications.notifications WHERE user_id = {user.UserId} AND related_id = {transactionId} AND message NOT LIKE 'Seeded%'") == 0)
            {
                if (Stopwatch.GetElapsedTime(depositAnswered) > TimeSpan.FromSeconds(60)) throw new TimeoutException($"The deposit {transactionId}'s notification was not stored within a minute.");
                await Task.Delay(1);
            }

            var listedMs = Stopwatch.GetElapsedTime(depositAnswered).TotalMilliseconds;
            var counted = await ledger.CountAsync($"SELECT coalesce(sum(count), 0) FROM notifications.notification_counts WHERE user_id = {user.UserId} AND NOT is_read");
            var rows = await ledger.CountAsync($"SELECT count(*) FROM notifications.notifications_read_now WHERE user_id = {user.UserId} AND NOT is_read");
            timings.Add(markAllReadMs);
            var rewritten = await RowUpdatesAsync(ledger) - updatesBefore;
            Console.WriteLine($"| {run} | {markAllReadMs:0} ms | {rewritten:N0} of {unread:N0} | {listedMs:0} ms | {(counted == rows ? "yes" : $"NO: {counted} counted, {rows} rows")} |");
        }

        Console.WriteLine($"median mark-all-read: {timings.Order().ElementAt(Runs / 2):0} ms");
    }

    private static async Task<(ApiResponse Response, double Ms)> TimedAsync(Func<Task<ApiResponse>> send)
    {
        var started = Stopwatch.GetTimestamp();
        var response = await send();
        return (response, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>
    /// Notification rows PostgreSQL has rewritten so far. Its statistics reach other sessions up to a second after a
    /// transaction ends: read after waiting that out, and nothing else updates notifications meanwhile.
    /// </summary>
    private static async Task<long> RowUpdatesAsync(Ledger ledger)
    {
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        return await ledger.CountAsync("SELECT n_tup_upd FROM pg_stat_user_tables WHERE relid = 'notifications.notifications'::regclass");
    }
}
