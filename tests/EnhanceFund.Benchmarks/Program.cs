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

Console.WriteLine($"{options.Users} users connected; {options.Rate} deposits/s for {options.Seconds} s ...");
var sent = new ConcurrentBag<(long TransactionId, long SentAt, long AnsweredAt)>();
var failures = 0;
var total = options.Rate * options.Seconds;
var start = Stopwatch.GetTimestamp();
var requests = new List<Task>(total);
for (var i = 0; i < total; i++)
{
    var due = start + (long)(i * (double)Stopwatch.Frequency / options.Rate);
    var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
    if (wait > TimeSpan.Zero) await Task.Delay(wait);
    var user = users[i % users.Length];
    requests.Add(Task.Run(async () =>
    {
        var sentAt = Stopwatch.GetTimestamp();
        var response = await user.PostAsync("/api/wallet/deposits", new { amount = 1m });
        if (response.Status != HttpStatusCode.Created)
        {
            Interlocked.Increment(ref failures);
            return;
        }

        sent.Add((response.Data["transaction"]!["id"]!.GetValue<long>(), sentAt, Stopwatch.GetTimestamp()));
    }));
}

await Task.WhenAll(requests);
var elapsed = Stopwatch.GetElapsedTime(start);
var drainUntil = DateTime.UtcNow.AddSeconds(15);
while (sent.Any(s => !pushedAt.ContainsKey(s.TransactionId)) && DateTime.UtcNow < drainUntil) await Task.Delay(20);

var requestToPush = Latencies(s => s.SentAt);
var answerToPush = Latencies(s => s.AnsweredAt);
Console.WriteLine($"sent {total} deposits in {elapsed.TotalSeconds:F1} s ({total / elapsed.TotalSeconds:F0}/s), {failures} failed");
Console.WriteLine($"pushes received: {sent.Count(s => pushedAt.ContainsKey(s.TransactionId))} of {sent.Count}");
Console.WriteLine(Report("request sent -> push received (upper bound of commit-to-push)", requestToPush));
Console.WriteLine(Report("201 received -> push received (lower bound; negative = push came first)", answerToPush));

foreach (var connection in connections) await connection.DisposeAsync();
return;

double[] Latencies(Func<(long TransactionId, long SentAt, long AnsweredAt), long> from) =>
    sent.Where(s => pushedAt.ContainsKey(s.TransactionId))
        .Select(s => Stopwatch.GetElapsedTime(from(s), pushedAt[s.TransactionId]).TotalMilliseconds)
        .Order()
        .ToArray();

static string Report(string what, double[] ms) => ms.Length == 0
    ? $"{what}: no samples"
    : $"{what}:\n  p50 {Percentile(ms, 50):F1} ms  p95 {Percentile(ms, 95):F1} ms  p99 {Percentile(ms, 99):F1} ms  max {ms[^1]:F1} ms";

static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
