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
        for (var i = 0; i < 20; i++) await marker.PostAsync("/api/notifications/mark-all-read");
        var visibleAfter = new ConcurrentBag<double>();
        var markAllRead = new ConcurrentBag<(double Ms, double AtSecond)>();
        var begin = Stopwatch.GetTimestamp();
        long restartedAt = 0;
        using var stop = new CancellationTokenSource();

        var outage = Task.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(SecondsBefore));
            await Shell($"stop_redis {port}");
            await Task.Delay(TimeSpan.FromSeconds(options.OutageSeconds));
            await Shell($"start_redis '{options.RedisDir}' {port}");
            restartedAt = Stopwatch.GetTimestamp();
        });
        var marking = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var at = Stopwatch.GetTimestamp();
                var response = await marker.PostAsync("/api/notifications/mark-all-read");
                if (response.Status == HttpStatusCode.OK)
                    markAllRead.Add((Stopwatch.GetElapsedTime(at).TotalMilliseconds, Stopwatch.GetElapsedTime(begin, at).TotalSeconds));
                await Task.Delay(250);
            }
        });

        // Every 10th deposit is followed until REST lists it: enough samples, and the polling stays a small load.
        var answered = 0;
        var (sent, failures, _) = await DepositLoad.SendAsync(users, rate, seconds, options.IdempotencyKeys, async deposit =>
        {
            if (Interlocked.Increment(ref answered) % 10 == 0) visibleAfter.Add(await VisibleAfterAsync(deposit));
        });
        await stop.CancelAsync();
        await Task.WhenAll(outage, marking);

        var visible = visibleAfter.Order().ToList();
        var marks = markAllRead.Select(m => m.Ms).Order().ToList();
        var marksWithoutRedis = markAllRead.Where(m => m.AtSecond >= SecondsBefore && m.AtSecond < SecondsBefore + options.OutageSeconds)
            .Select(m => m.Ms).Order().ToList();
        // When the slowest were sent says whether they gather at Redis's stop or start, or fall anywhere.
        var slowest = markAllRead.OrderByDescending(m => m.Ms).Take(3).Select(m => $"{Percentiles.Ms(m.Ms)} at {m.AtSecond:F1} s");
        var pushedAfterRestart = sent.Where(s => s.SentAt > restartedAt && pushes.ContainsKey(s.TransactionId)).ToList();
        var firstPushAfterRestart = pushedAfterRestart.Count == 0 ? double.NaN
            : Stopwatch.GetElapsedTime(restartedAt, pushedAfterRestart.Min(s => pushes[s.TransactionId].FirstAt)).TotalSeconds;
        Console.WriteLine($"deposits answered 201: {sent.Count} of {rate * seconds} ({failures} failed); run took {Stopwatch.GetElapsedTime(begin).TotalSeconds:F0} s");
        Console.WriteLine($"201 -> listed by REST (every 10th deposit, polled every 50 ms): within 1 s {visible.Count(v => v <= 1000)} of {visible.Count}; " +
                          $"p50 {Percentiles.Ms(Percentiles.Of(visible, 50))}, p99 {Percentiles.Ms(Percentiles.Of(visible, 99))}, max {Percentiles.Ms(visible.LastOrDefault(double.NaN))}");
        Console.WriteLine($"mark-all-read ({marks.Count} calls): p50 {Percentiles.Ms(Percentiles.Of(marks, 50))}, " +
                          $"p99 {Percentiles.Ms(Percentiles.Of(marks, 99))}, max {Percentiles.Ms(marks.LastOrDefault(double.NaN))}; " +
                          $"the slowest sent at {string.Join(", ", slowest)} into the run; while Redis was stopped ({marksWithoutRedis.Count} calls): " +
                          $"p99 {Percentiles.Ms(Percentiles.Of(marksWithoutRedis, 99))}, max {Percentiles.Ms(marksWithoutRedis.LastOrDefault(double.NaN))}");
        Console.WriteLine($"pushes received: {sent.Count(s => pushes.ContainsKey(s.TransactionId))} of {sent.Count} (those sent while Redis was down are dropped by design); " +
                          $"first push of a deposit made after Redis restarted: {firstPushAfterRestart:F1} s after the restart");
    }

    /// <summary>Polls the user's newest notifications until the deposit's is listed; milliseconds from its 201 (5 s at most).</summary>
    private static async Task<double> VisibleAfterAsync(SentDeposit deposit)
    {
        while (Stopwatch.GetElapsedTime(deposit.AnsweredAt) < TimeSpan.FromSeconds(5))
        {
            var listed = await deposit.User.GetAsync("/api/notifications?limit=10");
            if (listed.Data["notifications"]!.AsArray().Any(n => n!["related_id"]!.GetValue<long>() == deposit.TransactionId))
                return Stopwatch.GetElapsedTime(deposit.AnsweredAt).TotalMilliseconds;
            await Task.Delay(50);
        }

        return Stopwatch.GetElapsedTime(deposit.AnsweredAt).TotalMilliseconds;
    }

    private static async Task Shell(string command)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", ["-c", $"source scripts/lib/services.sh && {command}"]))!;
        await process.WaitForExitAsync();
    }
}
