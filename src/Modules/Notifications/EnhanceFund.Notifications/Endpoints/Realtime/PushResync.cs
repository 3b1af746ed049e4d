using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EnhanceFund.Notifications.Endpoints.Realtime;

/// <summary>
/// Asks clients to fetch what they may have missed (<c>resync</c>): a lost push is only revealed by the next one's
/// <c>seq</c>, and there may be no next one for a long time. Two losses are known here:
/// <list type="bullet">
/// <item>a push this instance dropped: its user is owed a resync, sent to all their connections (through the
/// backplane) as soon as a send goes through again;</item>
/// <item>this instance's backplane subscription coming back after a loss: anything published for its connections
/// meanwhile, by any instance, is gone, so each of them is told directly, without the backplane.</item>
/// </list>
/// Sending is the work of one background loop, so a burst of drops costs one resync per user.
/// </summary>
internal sealed class PushResync(
    IPushSender sender,
    LocalConnections connections,
    IHubContext<NotificationsHub> hub,
    IOptions<PushOptions> options,
    ILogger<PushResync> logger) : BackgroundService, IBackplaneObserver
{
    // The client library re-subscribes as the connection comes back; a moment's wait keeps a client's fetch from
    // racing ahead of the subscription that carries the pushes after it.
    private static readonly TimeSpan SubscriptionSettle = TimeSpan.FromMilliseconds(500);

    private readonly Lock _gate = new();
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private HashSet<long> _owed = [];
    private bool _everyLocalConnection;
    private bool _refused;

    /// <summary>A push to this user was dropped.</summary>
    public void Owe(long userId)
    {
        lock (_gate)
        {
            _owed.Add(userId);
            // The backplane refused the last try: a drop now is no news, and waking for each of them would try it again
            // as often as pushes are dropped, each try walking the whole owed set. The retry's own timer wakes the loop.
            if (_refused) return;
        }

        _wake.Writer.TryWrite(true);
    }

    public void SubscriptionRestored()
    {
        lock (_gate)
        {
            _everyLocalConnection = true;
            _refused = false;
        }

        _wake.Writer.TryWrite(true);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                await WaitForWorkAsync(stoppingToken);
                await ResyncLocalConnectionsAsync(stoppingToken);
                await ResyncOwedUsersAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: clients resync when they reconnect elsewhere.
        }
    }

    /// <summary>Until woken; while users are still owed, also until it is time to try the backplane again.</summary>
    private async Task WaitForWorkAsync(CancellationToken stoppingToken)
    {
        bool owed;
        lock (_gate) owed = _owed.Count > 0;
        // The wait is cancelled when the retry is due, so no waiter is left behind on the channel however long the
        // backplane stays away.
        using var retry = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        if (owed) retry.CancelAfter(options.Value.BreakDuration);
        try
        {
            await _wake.Reader.WaitToReadAsync(retry.Token);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // Time to try the owed users again.
        }

        stoppingToken.ThrowIfCancellationRequested();
        _wake.Reader.TryRead(out _);
    }

    private async Task ResyncLocalConnectionsAsync(CancellationToken stoppingToken)
    {
        lock (_gate)
        {
            if (!_everyLocalConnection) return;
            _everyLocalConnection = false;
        }

        await Task.Delay(SubscriptionSettle, stoppingToken);
        var ids = connections.Ids.ToList();
        logger.LogInformation("Backplane subscription restored; asking {Connections} connections to resync", ids.Count);
        // Client() writes to a connection of this instance directly, never through the backplane. A client that does
        // not read holds its write until its buffers drain, so the wait is bounded: the owed users' resyncs come next.
        await Task.WhenAll(ids.Select(async id =>
        {
            try
            {
                await hub.Clients.Client(id).SendAsync(LivePushSender.ResyncMethod, stoppingToken)
                    .WaitAsync(options.Value.SendTimeout, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // Closing as we write to it: it resyncs when it connects again.
                logger.LogDebug(ex, "Resync of connection {ConnectionId} failed", id);
            }
        }));
    }

    /// <summary>One by one, and back in the owed set from the first that fails (the backplane is down again).</summary>
    private async Task ResyncOwedUsersAsync(CancellationToken stoppingToken)
    {
        HashSet<long> owed;
        lock (_gate)
        {
            if (_owed.Count == 0) return;
            (owed, _owed) = (_owed, []);
        }

        var pending = new Queue<long>(owed);
        while (pending.TryPeek(out var userId) && await sender.ResyncAsync(userId, stoppingToken) is null) pending.Dequeue();
        bool owedMeanwhile;
        lock (_gate)
        {
            _refused = pending.Count > 0;
            _owed.UnionWith(pending);
            owedMeanwhile = !_refused && _owed.Count > 0;
        }

        // Users owed while this pass ran did not wake the loop if the pass before had been refused: it went through,
        // so they go now rather than at the retry's timer.
        if (owedMeanwhile) _wake.Writer.TryWrite(true);
    }
}
