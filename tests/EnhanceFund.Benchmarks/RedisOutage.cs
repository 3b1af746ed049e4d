using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using EnhanceFund.IntegrationTests.Infrastructure;

namespace EnhanceFund.Benchmarks;

/// <summary>
/// Deposits at one rate while Redis is stopped for a while and started again (with scripts/lib/services.sh, as the
/// scripts start it): how soon each deposit's notification is listed by REST after its 201, how long mark-all-read
/// takes, and when pushes come back.
/// </summary>
internal static class RedisOutage
{
    private const int SecondsBefore = 5;
    private const int SecondsAfter = 10;

    public static async Task RunAsync(
        BenchOptions options, IReadOnlyList<ApiClient> users, HostProcess host, ConcurrentDictionary<long, (long FirstAt, int Count)> pushes)
    {
        if (options.RedisDir is null) throw new ArgumentException("--outage needs --redis-dir (scripts/bench.sh passes it).");
        var port = options.Redis.Split(':')[1];
        var rate = options.Rates[0];
        var seconds = SecondsBefore + options.OutageSeconds + SecondsAfter;
        Console.WriteLine($"{rate} deposits/s for {seconds} s; Redis stopped from {SecondsBefore} s to {SecondsBefore + options.OutageSeconds} s");

        var marker = await ApiClient.RegisterAsync(host.Http);
        // Unmeasured first calls: the route's first use in this Host compiles its code and its query (one first call
        // took half a second), which is not what Redis's absence costs.
        for (var i = 0; i < 20; i++) await MarkAllReadAsync(marker);
        var visibleAfter = new ConcurrentBag<double>();
        var neverListed = 0;
        var markAllRead = new ConcurrentBag<(double Ms, long At)>();
        var markFailures = 0;
        var begin = Stopwatch.GetTimestamp();
        long stoppedAt = long.MaxValue, restartedAt = long.MaxValue;
        using var stop = new CancellationTokenSource();

        var outage = Task.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(SecondsBefore));
            await Shell($"stop_redis {port}");
            stoppedAt = Stopwatch.GetTimestamp();
            await Task.Delay(TimeSpan.FromSeconds(options.OutageSeconds));
            await Shell($"start_redis '{options.RedisDir}' {port}");
            restartedAt = Stopwatch.GetTimestamp();
        });
        var marking = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                if (await MarkAllReadAsync(marker) is { } took) markAllRead.Add(took);
                else Interlocked.Increment(ref markFailures);
                await Task.Delay(250);
            }
        });

        // Every deposit is followed until REST lists it: the goal is every one within 1 s, not a sample's.
        var (sent, failures, _) = await DepositLoad.SendAsync(users, rate, seconds, options.IdempotencyKeys, async deposit =>
        {
            if (await VisibleAfterAsync(deposit) is { } ms) visibleAfter.Add(ms);
            else Interlocked.Increment(ref neverListed);
        });
        await stop.CancelAsync();
        await Task.WhenAll(outage, marking);

        var visible = visibleAfter.Order().ToList();
        var marks = markAllRead.Select(m => m.Ms).Order().ToList();
        var marksWithoutRedis = markAllRead.Where(m => m.At >= stoppedAt && m.At < restartedAt).Select(m => m.Ms).Order().ToList();
        double Second(long at) => Stopwatch.GetElapsedTime(begin, at).TotalSeconds;
        // When the slowest were sent says whether they gather at Redis's stop or start, or fall anywhere.
        var slowest = markAllRead.OrderByDescending(m => m.Ms).Take(3).Select(m => $"{Percentiles.Ms(m.Ms)} at {Second(m.At):F1} s");
        var pushedAfterRestart = sent.Where(s => s.SentAt > restartedAt && pushes.ContainsKey(s.TransactionId)).ToList();
        var firstPushAfterRestart = pushedAfterRestart.Count == 0 ? double.NaN
            : Stopwatch.GetElapsedTime(restartedAt, pushedAfterRestart.Min(s => pushes[s.TransactionId].FirstAt)).TotalSeconds;
        Console.WriteLine($"deposits answered 201: {sent.Count} of {rate * seconds} ({failures} failed); run took {Second(Stopwatch.GetTimestamp()):F0} s; " +
                          $"Redis was stopped from {Second(stoppedAt):F1} s to {Second(restartedAt):F1} s");
        Console.WriteLine($"201 -> listed by REST (every deposit, polled every 50 ms): within 1 s {visible.Count(v => v <= 1000)} of {sent.Count}, " +
                          $"not listed within 5 s {neverListed}; p50 {Percentiles.Ms(Percentiles.Of(visible, 50))}, p99 {Percentiles.Ms(Percentiles.Of(visible, 99))}, " +
                          $"max {Percentiles.Ms(visible.LastOrDefault(double.NaN))}");
        Console.WriteLine($"mark-all-read of a user with an unread notification ({marks.Count} calls, {markFailures} failed): p50 {Percentiles.Ms(Percentiles.Of(marks, 50))}, " +
                          $"p99 {Percentiles.Ms(Percentiles.Of(marks, 99))}, max {Percentiles.Ms(marks.LastOrDefault(double.NaN))}; " +
                          $"the slowest sent at {string.Join(", ", slowest)} into the run; while Redis was stopped ({marksWithoutRedis.Count} calls): " +
                          $"p99 {Percentiles.Ms(Percentiles.Of(marksWithoutRedis, 99))}, max {Percentiles.Ms(marksWithoutRedis.LastOrDefault(double.NaN))}");
        Console.WriteLine($"pushes received: {sent.Count(s => pushes.ContainsKey(s.TransactionId))} of {sent.Count} (those sent while Redis was down are dropped by design); " +
                          $"first push of a deposit made after Redis restarted: {firstPushAfterRestart:F1} s after the restart");
    }

    /// <summary>
    /// A deposit for the user, unmeasured, and once its notification is unread the timed mark-all-read: one that has
    /// something to mark, so it also reads the new count and pushes it, the part Redis's absence could slow. Null if
    /// the deposit or the mark failed, or the notification was not stored within 5 s.
    /// </summary>
    private static async Task<(double Ms, long At)?> MarkAllReadAsync(ApiClient user)
    {
        if ((await user.PostAsync("/api/wallet/deposits", new { amount = 1m })).Status != HttpStatusCode.Created) return null;
        var until = Stopwatch.GetTimestamp() + 5 * Stopwatch.Frequency;
        while (await user.GetAsync("/api/notifications/unread-count") is not { Status: HttpStatusCode.OK } counted
               || counted.Data["unread_count"]!.GetValue<int>() == 0)
        {
            if (Stopwatch.GetTimestamp() > until) return null;
            await Task.Delay(20);
        }

        var at = Stopwatch.GetTimestamp();
        var response = await user.PostAsync("/api/notifications/mark-all-read");
        return response.Status == HttpStatusCode.OK ? (Stopwatch.GetElapsedTime(at).TotalMilliseconds, at) : null;
    }

    /// <summary>Polls the user's newest notifications until the deposit's is listed: milliseconds from its 201, or null after 5 s.</summary>
    private static async Task<double?> VisibleAfterAsync(SentDeposit deposit)
    {
        while (Stopwatch.GetElapsedTime(deposit.AnsweredAt) < TimeSpan.FromSeconds(5))
        {
            // An answer other than 200 lists nothing: polled again, and counted only if it lasts past the 5 s.
            var listed = await deposit.User.GetAsync("/api/notifications?limit=10");
            var isListed = listed.Status == HttpStatusCode.OK &&
                           listed.Data["notifications"]!.AsArray().Any(n => n!["related_id"]!.GetValue<long>() == deposit.TransactionId);
            if (isListed) return Stopwatch.GetElapsedTime(deposit.AnsweredAt).TotalMilliseconds;
            await Task.Delay(50);
        }

        return null;
    }

    private static async Task Shell(string command)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", ["-c", $"source scripts/lib/services.sh && {command}"]))!;
        await process.WaitForExitAsync();
    }
}
