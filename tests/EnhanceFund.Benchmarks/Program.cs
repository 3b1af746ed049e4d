using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using EnhanceFund.Benchmarks;
using EnhanceFund.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

var options = BenchOptions.Parse(args);
var database = await TestServers.CreateDatabaseAsync(options.Postgres, "bench", maxPoolSize: 100);
await using var host = await TestHost.StartAsync(database, options.Redis, $"bench-{Guid.NewGuid():N}");

var users = await Task.WhenAll(Enumerable.Range(0, options.Users).Select(_ => ApiClient.RegisterAsync(host.Http)));
var pushedAt = new ConcurrentDictionary<long, long>();
var connections = await Task.WhenAll(users.Select(async user =>
{
    var connection = new HubConnectionBuilder()
        .WithUrl(new Uri(host.Address, "/hubs/notifications"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(user.Token))
        .Build();
    connection.On<JsonElement>("notification", n => pushedAt.TryAdd(n.GetProperty("related_id").GetInt64(), Stopwatch.GetTimestamp()));
    await connection.StartAsync();
    return connection;
}));

// JIT and tiered compilation, connection pools and PostgreSQL's caches warm up first, at the same rate, unmeasured.
if (options.WarmUpSeconds > 0)
{
    Console.WriteLine($"{options.Users} users connected; warming up at {options.Rate} deposits/s for {options.WarmUpSeconds} s ...");
    var warmUp = await SendAtRateAsync(options.WarmUpSeconds);
    await DrainAsync(warmUp.Sent);
}

Console.WriteLine($"{options.Users} users connected; {options.Rate} deposits/s for {options.Seconds} s ...");
var (sent, failures, elapsed) = await SendAtRateAsync(options.Seconds);
var total = options.Rate * options.Seconds;
await DrainAsync(sent);

var requestToPush = Latencies(s => s.SentAt);
var answerToPush = Latencies(s => s.AnsweredAt);
Console.WriteLine($"sent {total} deposits in {elapsed.TotalSeconds:F1} s ({total / elapsed.TotalSeconds:F0}/s), {failures} failed");
Console.WriteLine($"pushes received: {sent.Count(s => pushedAt.ContainsKey(s.TransactionId))} of {sent.Count}");
Console.WriteLine(Report("request sent -> push received (upper bound of commit-to-push)", requestToPush));
Console.WriteLine(Report("201 received -> push received (lower bound; negative = push came first)", answerToPush));

foreach (var connection in connections) await connection.DisposeAsync();
return;

// Deposits at a fixed rate, round-robin over the users: each one's transaction id, when it was sent and answered.
async Task<(ConcurrentBag<(long TransactionId, long SentAt, long AnsweredAt)> Sent, int Failures, TimeSpan Elapsed)> SendAtRateAsync(int seconds)
{
    var answered = new ConcurrentBag<(long TransactionId, long SentAt, long AnsweredAt)>();
    var failed = 0;
    var count = options.Rate * seconds;
    var begin = Stopwatch.GetTimestamp();
    var requests = new List<Task>(count);
    for (var i = 0; i < count; i++)
    {
        var due = begin + (long)(i * (double)Stopwatch.Frequency / options.Rate);
        var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
        if (wait > TimeSpan.Zero) await Task.Delay(wait);
        var user = users[i % users.Length];
        requests.Add(Task.Run(async () =>
        {
            var sentAt = Stopwatch.GetTimestamp();
            var response = await user.PostAsync("/api/wallet/deposits", new { amount = 1m });
            if (response.Status != HttpStatusCode.Created)
            {
                Interlocked.Increment(ref failed);
                return;
            }

            answered.Add((response.Data["transaction"]!["id"]!.GetValue<long>(), sentAt, Stopwatch.GetTimestamp()));
        }));
    }

    await Task.WhenAll(requests);
    return (answered, failed, Stopwatch.GetElapsedTime(begin));
}

// Waits up to 15 s for the pushes of what was sent.
async Task DrainAsync(IEnumerable<(long TransactionId, long SentAt, long AnsweredAt)> what)
{
    var until = DateTime.UtcNow.AddSeconds(15);
    while (what.Any(s => !pushedAt.ContainsKey(s.TransactionId)) && DateTime.UtcNow < until) await Task.Delay(20);
}

double[] Latencies(Func<(long TransactionId, long SentAt, long AnsweredAt), long> from) =>
    sent.Where(s => pushedAt.ContainsKey(s.TransactionId))
        .Select(s => Stopwatch.GetElapsedTime(from(s), pushedAt[s.TransactionId]).TotalMilliseconds)
        .Order()
        .ToArray();

static string Report(string what, double[] ms) => ms.Length == 0
    ? $"{what}: no samples"
    : $"{what}:\n  p50 {Percentile(ms, 50):F1} ms  p95 {Percentile(ms, 95):F1} ms  p99 {Percentile(ms, 99):F1} ms  max {ms[^1]:F1} ms";

static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
