using System.Diagnostics;
using System.Threading.Channels;
using EnhanceFund.Notifications.Application;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EnhanceFund.Notifications.Endpoints.Realtime;

/// <summary>
/// The in-process queue between a commit and the live push. Queuing never waits: consumers and requests hand over
/// and move on. Each user with something to send has a mailbox; a fixed number of workers take ready mailboxes and
/// send their contents, one user's pushes in the order they were queued (notifications and changes made in other tabs,
/// then the newest unread count, which replaces any older one still waiting). Pushes beyond the capacity are dropped
/// and counted, and so is every push the sender could not send; each drop owes its user a <c>resync</c>.
/// </summary>
internal sealed class PushDispatcher(IPushSender sender, PushResync resync, IOptions<PushOptions> options, ILogger<PushDispatcher> logger)
    : BackgroundService, INotificationPush
{
    private readonly Lock _gate = new();
    private readonly Dictionary<long, Mailbox> _mailboxes = [];
    private readonly Channel<long> _ready = Channel.CreateUnbounded<long>(new UnboundedChannelOptions { SingleWriter = false });
    private readonly PushOptions _options = options.Value;
    private int _queued;
    private int _cutOff;

    public void Notification(long userId, NotificationDto notification) =>
        Queue(userId, LivePushSender.NotificationMethod, ct => sender.NotificationAsync(userId, notification, ct));

    public void Change(long userId, CenterChange change) => Queue(userId, change.Method, ct => sender.ChangeAsync(userId, change, ct));

    private void Queue(long userId, string method, Func<CancellationToken, Task<string?>> send)
    {
        var push = new Push(send, method, PushTracing.Current);
        lock (_gate)
        {
            if (_queued >= _options.QueueCapacity)
            {
                Dropped(userId, DropReasons.QueueFull);
                return;
            }

            _queued++;
            Post(userId, box => box.Pushes.Add(push));
        }
    }

    public void UnreadCountsLost(IReadOnlyCollection<long> userIds, Exception cause)
    {
        // A request that went away cancels its read: nothing is wrong but that its tabs must catch up.
        if (cause is not OperationCanceledException)
            logger.LogWarning(cause, "The unread counts of {UserCount} users could not be read after their change; their tabs are told to resync", userIds.Count);
        foreach (var userId in userIds) Dropped(userId, DropReasons.CountUnread);
    }

    public void UnreadCount(long userId, VersionedUnreadCount unreadCount)
    {
        lock (_gate)
        {
            Post(userId, box =>
            {
                // Counts are read on several threads and may be queued in another order than they were read in.
                if (box.UnreadCount is not { } waiting || unreadCount.ReadIn.IsLaterThan(waiting.ReadIn)) box.UnreadCount = unreadCount;
            });
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, _options.Concurrency).Select(_ => Task.Run(() => WorkAsync(stoppingToken), stoppingToken)));

    /// <summary>
    /// Sends what is queued before the workers stop, for at most <see cref="PushOptions.DrainTimeout"/>. A push left
    /// behind is owed a resync that nobody would send: this instance's resync loop stops too, and the user's tabs on
    /// other instances stay connected, never told. What the drain could not send is counted as dropped.
    /// </summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        var draining = Stopwatch.StartNew();
        while (AnyWaiting() && draining.Elapsed < _options.DrainTimeout && !cancellationToken.IsCancellationRequested)
            await Task.Delay(10, CancellationToken.None);
        await base.StopAsync(cancellationToken);
        // What the workers held when they stopped (they tallied it), and what they never took.
        var left = Volatile.Read(ref _cutOff) + Untaken();
        if (left == 0) return;
        PushMetrics.Drop(DropReasons.Shutdown, left);
        logger.LogWarning("Stopped with {Pushes} live pushes unsent; their users' tabs on other instances miss them until a later push or a reload", left);
    }

    /// <summary>Whether any push is queued or being sent: a mailbox stays until its worker has sent everything in it.</summary>
    private bool AnyWaiting()
    {
        lock (_gate) return _mailboxes.Count > 0;
    }

    private int Untaken()
    {
        lock (_gate) return _mailboxes.Values.Sum(box => box.Pushes.Count + (box.UnreadCount is null ? 0 : 1));
    }

    // Called under the gate. A mailbox is in the ready queue at most once, and stays out of it while a worker sends
    // its contents, so no two workers ever send to one user at the same time.
    private void Post(long userId, Action<Mailbox> add)
    {
        if (!_mailboxes.TryGetValue(userId, out var box)) _mailboxes[userId] = box = new Mailbox();
        add(box);
        if (box.Scheduled) return;
        box.Scheduled = true;
        _ready.Writer.TryWrite(userId);
    }

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var userId in _ready.Reader.ReadAllAsync(stoppingToken))
            {
                var (pushes, unreadCount) = TakeContents(userId);
                var unsent = pushes.Count + (unreadCount is null ? 0 : 1);
                try
                {
                    foreach (var push in pushes)
                    {
                        using var span = PushTracing.Start(push.QueuedUnder, push.Method);
                        var dropReason = await push.Send(stoppingToken);
                        PushTracing.Outcome(span, dropReason);
                        Dropped(userId, dropReason);
                        unsent--;
                    }

                    if (unreadCount is { } count) Dropped(userId, await sender.UnreadCountAsync(userId, count, stoppingToken));
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    // Stopped after the drain (StopAsync), holding these: the one cut off in its send counts as unsent.
                    // StopAsync counts them, once the workers have all stopped.
                    Interlocked.Add(ref _cutOff, unsent);
                    throw;
                }

                Release(userId);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping, after the drain (StopAsync), which counts what is left.
        }
    }

    private (List<Push> Pushes, VersionedUnreadCount? UnreadCount) TakeContents(long userId)
    {
        lock (_gate)
        {
            var box = _mailboxes[userId];
            var contents = (box.Pushes, box.UnreadCount);
            _queued -= box.Pushes.Count;
            box.Pushes = [];
            box.UnreadCount = null;
            return contents;
        }
    }

    /// <summary>Puts the mailbox back in the queue if more arrived while its contents were being sent; else forgets it.</summary>
    private void Release(long userId)
    {
        lock (_gate)
        {
            var box = _mailboxes[userId];
            if (box.Pushes.Count > 0 || box.UnreadCount is not null) _ready.Writer.TryWrite(userId);
            else _mailboxes.Remove(userId);
        }
    }

    private void Dropped(long userId, string? dropReason)
    {
        if (dropReason is null) return;
        PushMetrics.Drop(dropReason);
        resync.Owe(userId);
    }

    /// <summary>A send to make, what it sends, and the trace of the work that queued it.</summary>
    private readonly record struct Push(Func<CancellationToken, Task<string?>> Send, string Method, ActivityContext QueuedUnder);

    private sealed class Mailbox
    {
        /// <summary>Notifications and changes, each a send to make, in the order they were queued.</summary>
        public List<Push> Pushes { get; set; } = [];

        public VersionedUnreadCount? UnreadCount { get; set; }

        public bool Scheduled { get; set; }
    }
}
