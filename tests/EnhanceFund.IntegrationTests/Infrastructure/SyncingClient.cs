using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace EnhanceFund.IntegrationTests.Infrastructure;

/// <summary>
/// A real SignalR client that follows docs/API.md's gap-free sync rules: it keeps <c>last_seq</c>, and a push past
/// <c>last_seq + 1</c>, a <c>resync</c> and every (re)connect make it fetch <c>after_seq=last_seq</c>. Whatever pushes
/// are lost, what it holds must end equal to what REST holds.
/// </summary>
public sealed class SyncingClient : IAsyncDisposable
{
    private const int PageSize = 200;

    /// <summary>How long a catch-up keeps trying while the API fails (an instance or the database away) before it gives up.</summary>
    private static readonly TimeSpan FetchPatience = TimeSpan.FromSeconds(60);

    private readonly HubConnection _connection;
    private readonly ApiClient _user;
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _fetching = new(1, 1);
    private readonly SortedDictionary<long, long> _idsBySeq = [];
    private long _lastSeq;
    private int _resyncs;
    private int _reconnects;
    private int _failedFetchAttempts;

    private SyncingClient(HubConnection connection, ApiClient user)
    {
        _connection = connection;
        _user = user;
        connection.On<JsonElement>("notification", OnNotification);
        connection.On("resync", () =>
        {
            Interlocked.Increment(ref _resyncs);
            Fetch("resync");
        });
        connection.Reconnected += _ =>
        {
            Interlocked.Increment(ref _reconnects);
            Fetch("reconnect");
            return Task.CompletedTask;
        };
    }

    /// <summary>Why each fetch was made: connect, gap, resync or reconnect.</summary>
    public ConcurrentQueue<string> Fetches { get; } = new();

    /// <summary>Catch-ups that gave up: every attempt failed for <see cref="FetchPatience"/>.</summary>
    public ConcurrentQueue<Exception> Failures { get; } = new();

    /// <summary>Failed attempts of a catch-up that was tried again (the API away for a moment).</summary>
    public int FailedFetchAttempts => Volatile.Read(ref _failedFetchAttempts);

    public int Resyncs => Volatile.Read(ref _resyncs);

    public int Reconnects => Volatile.Read(ref _reconnects);

    /// <summary>The ids of the notifications it holds, in seq order.</summary>
    public long[] Ids
    {
        get
        {
            lock (_gate) return [.. _idsBySeq.Values];
        }
    }

    /// <summary>Connects and has fetched everything stored so far before it returns.</summary>
    public static async Task<SyncingClient> ConnectAsync(Uri host, ApiClient user)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(host, "/hubs/notifications"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(user.Token))
            .WithAutomaticReconnect(new NeverGiveUp())
            .Build();
        var client = new SyncingClient(connection, user);
        await connection.StartAsync();
        await client.FetchAsync("connect");
        return client;
    }

    private void OnNotification(JsonElement notification)
    {
        var seq = notification.GetProperty("seq").GetInt64();
        bool gap;
        lock (_gate)
        {
            _idsBySeq[seq] = notification.GetProperty("id").GetInt64();
            gap = seq > _lastSeq + 1;
            AdvanceThroughHeld();
        }

        if (gap) Fetch("gap");
    }

    private void Fetch(string reason) => _ = FetchAsync(reason);

    private async Task FetchAsync(string reason)
    {
        Fetches.Enqueue(reason);
        await _fetching.WaitAsync();
        try
        {
            var giveUpAt = DateTime.UtcNow + FetchPatience;
            while (true)
            {
                try
                {
                    await FetchPagesAsync();
                    return;
                }
                catch (Exception) when (DateTime.UtcNow < giveUpAt)
                {
                    // As a client should: the catch-up is owed until it succeeds.
                    Interlocked.Increment(ref _failedFetchAttempts);
                    await Task.Delay(TimeSpan.FromMilliseconds(500));
                }
            }
        }
        catch (Exception ex)
        {
            Failures.Enqueue(ex);
        }
        finally
        {
            _fetching.Release();
        }
    }

    private async Task FetchPagesAsync()
    {
        while (true)
        {
            long after;
            lock (_gate) after = _lastSeq;
            var response = await _user.GetAsync($"/api/notifications?after_seq={after}&limit={PageSize}");
            var page = response.Data["notifications"]!.AsArray().ToList();
            lock (_gate)
            {
                foreach (var n in page) _idsBySeq[n!["seq"]!.GetValue<long>()] = n["id"]!.GetValue<long>();
                // The fetch reached this far: a seq still missing below it was deleted, not lost.
                if (page.Count > 0) _lastSeq = Math.Max(_lastSeq, page[^1]!["seq"]!.GetValue<long>());
                AdvanceThroughHeld();
            }

            if (page.Count < PageSize) return;
        }
    }

    // Under the gate: pushes that arrived in order (or ahead of a fetch that has now filled the gap) count as held.
    private void AdvanceThroughHeld()
    {
        while (_idsBySeq.ContainsKey(_lastSeq + 1)) _lastSeq++;
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    /// <summary>Like the reference web client: at once, then every second, for as long as the client lives.</summary>
    private sealed class NeverGiveUp : IRetryPolicy
    {
        public TimeSpan? NextRetryDelay(RetryContext retryContext) =>
            retryContext.PreviousRetryCount == 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(1);
    }
}
