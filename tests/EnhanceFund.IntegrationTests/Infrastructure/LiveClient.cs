using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace EnhanceFund.IntegrationTests.Infrastructure;

/// <summary>A real SignalR client on /hubs/notifications, recording every push it receives.</summary>
public sealed class LiveClient : IAsyncDisposable
{
    private readonly HubConnection _connection;

    private LiveClient(HubConnection connection)
    {
        _connection = connection;
        connection.On<JsonElement>("notification", n => Notifications.Enqueue(n.Clone()));
        connection.On<JsonElement>("unread_count", c => UnreadCounts.Enqueue(c.GetProperty("unread_count").GetInt32()));
        foreach (var method in new[] { "notification_updated", "notification_deleted", "preferences" })
            connection.On<JsonElement>(method, change => Changes.Enqueue((method, change.Clone())));
        connection.On("resync", () => Interlocked.Increment(ref _resyncs));
        connection.Closed += error =>
        {
            Closed.TrySetResult(error);
            return Task.CompletedTask;
        };
    }

    /// <summary>Completes when the server (or the network) ends the connection.</summary>
    public TaskCompletionSource<Exception?> Closed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentQueue<JsonElement> Notifications { get; } = new();

    private int _resyncs;

    /// <summary>How many times the server told this client to fetch what it may have missed.</summary>
    public int Resyncs => Volatile.Read(ref _resyncs);

    public ConcurrentQueue<int> UnreadCounts { get; } = new();

    /// <summary>What another tab changed: <c>notification_updated</c>, <c>notification_deleted</c>, <c>preferences</c>.</summary>
    public ConcurrentQueue<(string Method, JsonElement Payload)> Changes { get; } = new();

    /// <summary>Connects with the token in SignalR's own way (access_token) or as the original Django client does (?token=).</summary>
    public static async Task<LiveClient> ConnectAsync(
        Uri host, string token, bool tokenInQueryString = false, HttpTransportType transports = HttpTransportType.WebSockets | HttpTransportType.ServerSentEvents | HttpTransportType.LongPolling)
    {
        var url = new Uri(host, "/hubs/notifications" + (tokenInQueryString ? $"?token={token}" : ""));
        var connection = new HubConnectionBuilder()
            .WithUrl(url, transports, o =>
            {
                if (!tokenInQueryString) o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();
        var client = new LiveClient(connection);
        await connection.StartAsync();
        return client;
    }

    public Task<JsonElement[]> NotificationsEventuallyAsync(int count) =>
        Eventually.ReturnsAsync(() => Notifications.ToArray(), n => n.Length >= count, $"{count} pushed notifications");

    /// <summary>The notifications pushed so far, once one is about <paramref name="relatedId"/> (a transaction, a loan).</summary>
    public Task<JsonElement[]> NotificationAboutEventuallyAsync(long relatedId) =>
        Eventually.ReturnsAsync(
            () => Notifications.ToArray(),
            n => n.Any(x => x.GetProperty("related_id") is { ValueKind: JsonValueKind.Number } id && id.GetInt64() == relatedId),
            $"the push of the notification about {relatedId}");

    /// <summary>The last unread count pushed, once it is <paramref name="expected"/>.</summary>
    public Task<int[]> UnreadCountEventuallyAsync(int expected) =>
        Eventually.ReturnsAsync(() => UnreadCounts.ToArray(), c => c.LastOrDefault(-1) == expected, $"an unread_count push of {expected}");

    public Task<(string Method, JsonElement Payload)[]> ChangeEventuallyAsync(string method) =>
        Eventually.ReturnsAsync(() => Changes.ToArray(), c => c.Any(x => x.Method == method), $"a {method} push");

    /// <summary>
    /// Returns once no unread count has arrived for <paramref name="quiet"/>: the pushes of earlier changes, still
    /// queued on any instance, are out. Two instances push counts each read after its own commit, so one queued behind
    /// the other's can still arrive after a newer count (the last count shown is settled by the next change).
    /// </summary>
    public Task UnreadCountsQuietAsync(TimeSpan quiet)
    {
        var (seen, since) = (UnreadCounts.Count, Stopwatch.StartNew());
        return Eventually.ReturnsAsync(
            () =>
            {
                if (UnreadCounts.Count != seen)
                {
                    seen = UnreadCounts.Count;
                    since.Restart();
                }

                return since.Elapsed;
            },
            quietFor => quietFor >= quiet,
            $"{quiet.TotalMilliseconds} ms without an unread_count push");
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
