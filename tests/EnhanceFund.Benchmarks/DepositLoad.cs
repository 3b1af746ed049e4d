using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using EnhanceFund.IntegrationTests.Infrastructure;

namespace EnhanceFund.Benchmarks;

/// <summary>
/// One deposit sent: its wallet transaction id (the pushed notification's related_id) and its timestamps: when it was
/// due by the schedule, when the client sent it, and when it was answered.
/// </summary>
internal sealed record SentDeposit(long TransactionId, ApiClient User, long DueAt, long SentAt, long AnsweredAt);

/// <summary>
/// Deposits of 1.00 at a fixed rate, round-robin over the users, each on its own task (an open-loop load). With
/// <c>idempotencyKeys</c> each carries a fresh Idempotency-Key, as the web client's deposits do. Each keeps the time it
/// was due: a client that falls behind its schedule (its own collections, or the cores taken by the Host) sends the
/// late ones in a burst, and their latency counts from when they were due, not from when the client got round to
/// them (coordinated omission).
/// </summary>
internal static class DepositLoad
{
    public static async Task<(List<SentDeposit> Sent, int Failures, TimeSpan Elapsed)> SendAsync(
        IReadOnlyList<ApiClient> users, int rate, int seconds, bool idempotencyKeys, Func<SentDeposit, Task>? afterAnswer = null)
    {
        var answered = new ConcurrentBag<SentDeposit>();
        var failed = 0;
        var count = rate * seconds;
        var begin = Stopwatch.GetTimestamp();
        var requests = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            var due = begin + (long)(i * (double)Stopwatch.Frequency / rate);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            // Rounded up: Task.Delay counts whole milliseconds, and truncated, a deposit would go before it is due.
            if (wait > TimeSpan.Zero) await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(wait.TotalMilliseconds)));
            var user = users[i % users.Count];
            requests.Add(Task.Run(async () =>
            {
                var sentAt = Stopwatch.GetTimestamp();
                var response = await user.PostAsync(
                    "/api/wallet/deposits", new { amount = 1m }, idempotencyKeys ? Guid.NewGuid().ToString() : null);
                if (response.Status != HttpStatusCode.Created)
                {
                    Interlocked.Increment(ref failed);
                    return;
                }

                var deposit = new SentDeposit(response.Data["transaction"]!["id"]!.GetValue<long>(), user, due, sentAt, Stopwatch.GetTimestamp());
                answered.Add(deposit);
                if (afterAnswer is not null) await afterAnswer(deposit);
            }));
        }

        await Task.WhenAll(requests);
        return (answered.ToList(), failed, Stopwatch.GetElapsedTime(begin));
    }
}
