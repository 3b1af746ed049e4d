using EnhanceFund.Notifications.Application;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;

namespace EnhanceFund.Notifications.Endpoints.Realtime;

/// <summary>
/// Sends to every connection of a user on every instance (the Redis backplane fans out), unread counts in the order
/// they were read (<see cref="IUnreadCountOrder"/>). While the backplane keeps failing, a circuit breaker drops pushes
/// at once instead of letting each wait for a timeout; every second it lets one through to see whether the backplane
/// is back.
/// </summary>
internal sealed class LivePushSender : IPushSender
{
    public const string NotificationMethod = "notification";
    public const string UnreadCountMethod = "unread_count";
    public const string ResyncMethod = "resync";

    private readonly IHubContext<NotificationsHub> _hub;
    private readonly IUnreadCountOrder _order;
    private readonly ILogger<LivePushSender> _logger;
    private readonly ResiliencePipeline _pipeline;
    private readonly CircuitBreakerStateProvider _circuit = new();
    private int _outage;
    private long _openUntil;

    public LivePushSender(
        IHubContext<NotificationsHub> hub, IUnreadCountOrder order, IOptions<PushOptions> options, ILogger<LivePushSender> logger)
    {
        _hub = hub;
        _order = order;
        _logger = logger;
        _pipeline = new ResiliencePipelineBuilder()
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = 0.5,
                MinimumThroughput = 4,
                SamplingDuration = TimeSpan.FromSeconds(2),
                BreakDuration = options.Value.BreakDuration,
                StateProvider = _circuit,
                OnOpened = args =>
                {
                    Interlocked.Exchange(ref _openUntil, Environment.TickCount64 + (long)args.BreakDuration.TotalMilliseconds);
                    // Once per outage, not at every failed trial while it lasts.
                    if (Interlocked.Exchange(ref _outage, 1) == 0)
                    {
                        _logger.LogWarning(args.Outcome.Exception,
                            "Live pushes are failing; dropping them, trying one every {BreakDuration}, until the backplane answers. Clients catch up from the API",
                            args.BreakDuration);
                    }

                    return ValueTask.CompletedTask;
                },
                OnClosed = _ =>
                {
                    if (Interlocked.Exchange(ref _outage, 0) == 1) _logger.LogInformation("Live pushes flow again");
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(options.Value.SendTimeout)
            .Build();
    }

    public Task<string?> NotificationAsync(long userId, NotificationDto notification, CancellationToken cancellationToken) =>
        SendAsync(userId, NotificationMethod, notification, cancellationToken);

    public Task<string?> UnreadCountAsync(long userId, VersionedUnreadCount unreadCount, CancellationToken cancellationToken) =>
        TrySendAsync(userId, UnreadCountMethod, async ct =>
        {
            // Redis's commands do not observe cancellation either.
            if (await _order.RecordAsync(userId, unreadCount).WaitAsync(ct) is not null) return;
            for (VersionedUnreadCount? next = unreadCount; next is { } count; next = await _order.NewerThanAsync(userId, count).WaitAsync(ct))
                await PublishAsync(userId, UnreadCountMethod, new UnreadCountData(count.Count), ct);
        }, cancellationToken);

    public Task<string?> ResyncAsync(long userId, CancellationToken cancellationToken) =>
        SendAsync(userId, ResyncMethod, null, cancellationToken);

    public Task<string?> ChangeAsync(long userId, CenterChange change, CancellationToken cancellationToken) =>
        SendAsync(userId, change.Method, change.Payload, cancellationToken);

    private Task<string?> SendAsync(long userId, string method, object? payload, CancellationToken cancellationToken) =>
        TrySendAsync(userId, method, ct => PublishAsync(userId, method, payload, ct), cancellationToken);

    // WaitAsync: the backplane's publish does not observe cancellation, so the timeout abandons it instead.
    // Counted here, not per push: a count left to a newer one's sender publishes nothing, and one may publish two.
    private async Task PublishAsync(long userId, string method, object? payload, CancellationToken cancellationToken)
    {
        await _hub.Clients.User(userId.ToString()).SendCoreAsync(method, payload is null ? [] : [payload], cancellationToken).WaitAsync(cancellationToken);
        PushMetrics.Sent.Add(1);
    }

    /// <summary>Sends one push; returns null when sent, else why it was dropped.</summary>
    private async Task<string?> TrySendAsync(long userId, string method, Func<CancellationToken, Task> send, CancellationToken cancellationToken)
    {
        // While the circuit is open every push would be refused; saying so without an exception each is much cheaper.
        // Once the break has passed, the next push goes to the pipeline, which lets it through as the trial.
        if (_circuit.CircuitState == CircuitState.Open && Environment.TickCount64 < Interlocked.Read(ref _openUntil))
            return DropReasons.BackplaneDown;
        try
        {
            await _pipeline.ExecuteAsync(async ct => await send(ct), cancellationToken);
            return null;
        }
        catch (BrokenCircuitException)
        {
            return DropReasons.BackplaneDown;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            _logger.LogDebug(ex, "Live push of {Method} to user {UserId} failed", method, userId);
            return DropReasons.SendFailed;
        }
    }
}

internal static class DropReasons
{
    public const string BackplaneDown = "backplane_down";
    public const string SendFailed = "send_failed";
    public const string QueueFull = "queue_full";
    public const string CountUnread = "count_unread";
    public const string Shutdown = "shutdown";
}
