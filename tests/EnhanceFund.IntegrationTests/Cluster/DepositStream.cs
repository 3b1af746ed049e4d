using System.Diagnostics;
using System.Net;
using System.Text.Json;
using EnhanceFund.IntegrationTests.Infrastructure;

namespace EnhanceFund.IntegrationTests.Cluster;

/// <summary>One deposit and its definitive answer: the status, and the transaction a 201 names.</summary>
public sealed record Deposit(ApiClient User, string Key, decimal Amount, HttpStatusCode Status, long? TransactionId, int Attempts);

/// <summary>
/// A steady stream of deposits through the load balancer, one every <c>interval</c>, its users taking turns. Each has
/// an <c>Idempotency-Key</c> and is sent again with the same key, as a careful client does, until it gets a definitive
/// answer: a 201 or a refusal, never a 5xx, a 429, a page from nginx or no answer at all.
/// </summary>
public sealed class DepositStream
{
    /// <summary>A deposit still undecided after this long fails the test: the platform must answer in the end.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private readonly IReadOnlyList<ApiClient> _users;
    private readonly TimeSpan _interval;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task<Deposit>> _deposits = [];
    private readonly Task _sending;
    private int _failedAttempts;

    private DepositStream(IReadOnlyList<ApiClient> users, TimeSpan interval)
    {
        _users = users;
        _interval = interval;
        _sending = Task.Run(SendAsync);
    }

    /// <summary>Attempts that got no definitive answer and were sent again.</summary>
    public int FailedAttempts => Volatile.Read(ref _failedAttempts);

    public int Sent
    {
        get
        {
            lock (_deposits) return _deposits.Count;
        }
    }

    public static DepositStream Start(IReadOnlyList<ApiClient> users, TimeSpan interval) => new(users, interval);

    /// <summary>Stops sending and waits for every deposit sent to have its definitive answer.</summary>
    public async Task<Deposit[]> StopAsync()
    {
        await _stop.CancelAsync();
        await _sending;
        Task<Deposit>[] all;
        lock (_deposits) all = [.. _deposits];
        return await Task.WhenAll(all);
    }

    private async Task SendAsync()
    {
        var clock = Stopwatch.StartNew();
        for (var n = 0; !_stop.IsCancellationRequested; n++)
        {
            // Amounts differ from one deposit to the next, so a balance off by any one of them shows.
            var (user, amount) = (_users[n % _users.Count], 1m + n % 97 + 0.01m * (n % 89));
            lock (_deposits) _deposits.Add(DepositAsync(user, amount));
            var next = _interval * (n + 1) - clock.Elapsed;
            if (next > TimeSpan.Zero) await Task.Delay(next);
        }
    }

    private async Task<Deposit> DepositAsync(ApiClient user, decimal amount)
    {
        var key = $"stream-{Guid.NewGuid():N}";
        var giveUpAt = DateTime.UtcNow + Patience;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var answer = await user.PostAsync("/api/wallet/deposits", new { amount }, key);
                if (IsDefinitive(answer.Status))
                {
                    var id = answer.Status == HttpStatusCode.Created ? answer.Data["transaction"]!["id"]!.GetValue<long>() : (long?)null;
                    return new Deposit(user, key, amount, answer.Status, id, attempt);
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException)
            {
                // No answer, or one that is not the API's (nginx's own error page): as undecided as a 502.
            }

            Interlocked.Increment(ref _failedAttempts);
            if (DateTime.UtcNow > giveUpAt) return new Deposit(user, key, amount, 0, null, attempt);
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }

    private static bool IsDefinitive(HttpStatusCode status) =>
        (int)status < 500 && status is not (HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout);
}
