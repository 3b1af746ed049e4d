using System.Diagnostics;
using EnhanceFund.Notifications.Application;
using EnhanceFund.Notifications.Endpoints;
using EnhanceFund.Notifications.Endpoints.Realtime;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EnhanceFund.UnitTests.Notifications;

[Collection(PushCounts.Collection)]
public sealed class PushDispatcherTests
{
    // A held send is released by the test; on a loaded machine that can take longer than the default timeout, which
    // would drop the held push and fail the test for the wrong reason.
    private static readonly TimeSpan HeldLongerThanAnyTest = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task One_users_pushes_go_out_in_order_and_only_the_newest_waiting_unread_count_is_sent()
    {
        var hub = new RecordingHub { Holding = true };
        await using var dispatcher = await StartAsync(hub, new PushOptions { SendTimeout = HeldLongerThanAnyTest });

        dispatcher.Notification(7, Notification(1));
        await hub.FirstSendStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        // While the worker is busy with notification 1, more arrive: counts 1, 2, 3 wait in the mailbox.
        dispatcher.UnreadCount(7, 1);
        dispatcher.Notification(7, Notification(2));
        dispatcher.UnreadCount(7, 2);
        dispatcher.Notification(7, Notification(3));
        dispatcher.UnreadCount(7, 3);
        hub.Release();

        var sent = await SentEventuallyAsync(hub, 4);
        Assert.Equal(["notification 1", "notification 2", "notification 3", "unread_count 3"], sent.Select(Describe));
        Assert.All(sent, s => Assert.Equal("7", s.User));
    }

    [Fact]
    public async Task Of_the_counts_waiting_for_a_user_the_one_read_last_is_sent_whatever_order_they_were_queued_in()
    {
        var hub = new RecordingHub { Holding = true };
        await using var dispatcher = await StartAsync(hub, new PushOptions { SendTimeout = HeldLongerThanAnyTest });

        dispatcher.Notification(7, Notification(1));
        await hub.FirstSendStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        dispatcher.UnreadCount(7, 4, readIn: 20);
        dispatcher.UnreadCount(7, 3, readIn: 10);
        hub.Release();

        var sent = await SentEventuallyAsync(hub, 2);
        Assert.Equal(["notification 1", "unread_count 4"], sent.Select(Describe));
    }

    [Fact]
    public async Task A_count_read_before_one_already_sent_is_never_sent_after_it()
    {
        var hub = new RecordingHub();
        await using var dispatcher = await StartAsync(hub, new PushOptions());

        dispatcher.UnreadCount(7, 5, readIn: 50);
        await SentEventuallyAsync(hub, 1);
        dispatcher.UnreadCount(7, 4, readIn: 40);
        dispatcher.UnreadCount(7, 6, readIn: 60);

        var sent = await SentEventuallyAsync(hub, 2);
        Assert.Equal(["unread_count 5", "unread_count 6"], sent.Select(Describe));
    }

    [Fact]
    public async Task Notifications_beyond_the_capacity_are_dropped_and_counted_while_counts_still_go_out()
    {
        var hub = new RecordingHub { Holding = true };
        using var drops = new PushCounts();
        await using var dispatcher = await StartAsync(hub, new PushOptions { QueueCapacity = 2, SendTimeout = HeldLongerThanAnyTest });

        dispatcher.Notification(1, Notification(1));
        await hub.FirstSendStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        for (var id = 2; id <= 5; id++) dispatcher.Notification(1, Notification(id));
        dispatcher.UnreadCount(1, 5);
        hub.Release();

        var sent = await SentEventuallyAsync(hub, 5);
        var pushes = sent.Select(Describe).Where(s => s != "resync");
        Assert.Equal(["notification 1", "notification 2", "notification 3", "unread_count 5"], pushes);
        Assert.Equal(2, drops.DroppedFor("queue_full"));
        // What was dropped is fetched by the client: a resync (in no set order with the pushes), owed once per user
        // however many drops wait for it. One already on its way when the second drop comes cannot cover that drop,
        // so then a second follows: never more resyncs than drops, never none.
        Assert.InRange(sent.Count(s => Describe(s) == "resync"), 1, drops.DroppedFor("queue_full"));
    }

    [Fact]
    public async Task A_user_whose_pushes_failed_is_asked_to_resync_once_sends_go_through_again()
    {
        var hub = new RecordingHub { Failing = true };
        using var drops = new PushCounts();
        await using var dispatcher = await StartAsync(hub, new PushOptions { BreakDuration = TimeSpan.FromMilliseconds(500) });

        dispatcher.Notification(3, Notification(1));
        dispatcher.Notification(4, Notification(2));
        // Both notifications must be dropped (refused, or not tried once the circuit opened) before the backplane comes
        // back; one still waiting for its turn on a slow machine would otherwise go through and owe no resync.
        var until = DateTime.UtcNow.AddSeconds(10);
        while (drops.All < 2 && DateTime.UtcNow < until) await Task.Delay(10);
        Assert.Equal(2, drops.All);
        hub.Failing = false;

        var sent = await SentEventuallyAsync(hub, 2);
        Assert.Equal(["3 resync", "4 resync"], sent.Select(s => $"{s.User} {Describe(s)}").Order());
    }

    [Fact]
    public async Task While_the_backplane_refuses_every_drop_does_not_try_it_again_and_every_user_is_owed_a_resync()
    {
        var hub = new RecordingHub { Failing = true };
        using var drops = new PushCounts();
        await using var dispatcher = await StartAsync(hub, new PushOptions { BreakDuration = TimeSpan.FromSeconds(1) });

        // A steady stream of drops, to 200 users, for a second and a half and at least 400 of them (a loaded machine
        // paces them slower): the circuit opens after the first few.
        var sending = Stopwatch.StartNew();
        var queued = 0;
        while (queued < 400 || sending.Elapsed < TimeSpan.FromSeconds(1.5))
        {
            queued++;
            dispatcher.Notification(queued % 200, Notification(queued));
            await Task.Delay(1);
        }

        // Every one dropped before the backplane comes back: one still waiting would be sent, not owe a resync.
        var drained = DateTime.UtcNow.AddSeconds(10);
        while (drops.All < queued && DateTime.UtcNow < drained) await Task.Delay(10);
        Assert.Equal(queued, drops.All);
        // A try as the first drops come, perhaps one more for a drop that woke the loop before the first failed, and one
        // a second (the break) after. Trying again at every drop, each walking the whole owed set, would be hundreds.
        var allowed = 3 + (int)(sending.Elapsed / TimeSpan.FromSeconds(1));
        Assert.InRange(dispatcher.ResyncTries, 1, allowed);

        hub.Failing = false;
        var sent = await SentEventuallyAsync(hub, 200);
        Assert.All(sent, s => Assert.Equal("resync", Describe(s)));
        Assert.Equal(200, sent.Select(s => s.User).Distinct().Count());
    }

    [Fact]
    public async Task Stopping_sends_what_is_queued_first()
    {
        var hub = new RecordingHub { Holding = true };
        using var drops = new PushCounts();
        var dispatcher = await StartAsync(hub, new PushOptions { SendTimeout = HeldLongerThanAnyTest, DrainTimeout = HeldLongerThanAnyTest });

        dispatcher.Notification(7, Notification(1));
        await hub.FirstSendStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        dispatcher.Notification(7, Notification(2));
        dispatcher.UnreadCount(7, 2);
        dispatcher.Notification(8, Notification(3));
        var stopping = dispatcher.DisposeAsync().AsTask();
        await Task.Delay(200);
        hub.Release();
        await stopping.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["7 notification 1", "7 notification 2", "7 unread_count 2", "8 notification 3"],
            hub.Sent.Select(s => $"{s.User} {Describe(s)}").Order());
        Assert.Equal(0, drops.All);
    }

    [Fact]
    public async Task What_the_drain_could_not_send_in_time_is_counted_as_dropped()
    {
        var hub = new RecordingHub { Holding = true };
        using var drops = new PushCounts();
        var options = new PushOptions { SendTimeout = HeldLongerThanAnyTest, DrainTimeout = TimeSpan.FromMilliseconds(300) };
        var dispatcher = await StartAsync(hub, options);

        dispatcher.Notification(7, Notification(1));
        await hub.FirstSendStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        dispatcher.Notification(7, Notification(2));
        dispatcher.UnreadCount(7, 2);
        await dispatcher.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Empty(hub.Sent);
        // The notification being sent, the one behind it, and the count.
        Assert.Equal(3, drops.DroppedFor("shutdown"));
    }

    private static async Task<Running> StartAsync(RecordingHub hub, PushOptions options)
    {
        var wrapped = Options.Create(options);
        var sender = new ResyncCounting(new LivePushSender(hub, new LocalUnreadCountOrder(), wrapped, NullLogger<LivePushSender>.Instance));
        var resync = new PushResync(sender, new LocalConnections(), hub, wrapped, NullLogger<PushResync>.Instance);
        var dispatcher = new PushDispatcher(sender, resync, wrapped, NullLogger<PushDispatcher>.Instance);
        await resync.StartAsync(CancellationToken.None);
        await dispatcher.StartAsync(CancellationToken.None);
        return new Running(dispatcher, resync, sender);
    }

    private static async Task<List<(string User, string Method, object? Payload)>> SentEventuallyAsync(RecordingHub hub, int count)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (hub.Sent.Count < count && DateTime.UtcNow < until) await Task.Delay(10);
        // A little longer, so that a push sent beyond the expected ones would be seen too.
        await Task.Delay(100);
        return hub.Sent.ToList();
    }

    private static string Describe((string User, string Method, object? Payload) sent) => sent.Payload switch
    {
        NotificationDto n => $"{sent.Method} {n.Id}",
        UnreadCountData count => $"{sent.Method} {count.UnreadCount}",
        _ => sent.Method,
    };

    private static NotificationDto Notification(long id) =>
        new(id, "fund_added", "Fund Added", "t", "m", false, false, DateTimeOffset.UnixEpoch, 1, "transaction", id);

    private sealed class Running(PushDispatcher dispatcher, PushResync resync, ResyncCounting sender) : IAsyncDisposable
    {
        /// <summary>How many resyncs the resync loop has tried to send, sent or not.</summary>
        public int ResyncTries => sender.Tries;

        public void Notification(long userId, NotificationDto notification) => dispatcher.Notification(userId, notification);

        /// <summary>A count read in the snapshot numbered <paramref name="readIn"/>, by default its own value (a later count, a later read).</summary>
        public void UnreadCount(long userId, int count, long? readIn = null) =>
            dispatcher.UnreadCount(userId, new VersionedUnreadCount(count, new ReadSnapshot(readIn ?? count, 0)));

        public async ValueTask DisposeAsync()
        {
            await dispatcher.StopAsync(CancellationToken.None);
            await resync.StopAsync(CancellationToken.None);
            dispatcher.Dispose();
            resync.Dispose();
        }
    }

    /// <summary>The live sender, counting the resyncs it is asked to send.</summary>
    private sealed class ResyncCounting(IPushSender inner) : IPushSender
    {
        private int _tries;

        public int Tries => Volatile.Read(ref _tries);

        public Task<string?> NotificationAsync(long userId, NotificationDto notification, CancellationToken cancellationToken) =>
            inner.NotificationAsync(userId, notification, cancellationToken);

        public Task<string?> UnreadCountAsync(long userId, VersionedUnreadCount unreadCount, CancellationToken cancellationToken) =>
            inner.UnreadCountAsync(userId, unreadCount, cancellationToken);

        public Task<string?> ResyncAsync(long userId, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _tries);
            return inner.ResyncAsync(userId, cancellationToken);
        }

        public Task<string?> ChangeAsync(long userId, CenterChange change, CancellationToken cancellationToken) =>
            inner.ChangeAsync(userId, change, cancellationToken);
    }
}
