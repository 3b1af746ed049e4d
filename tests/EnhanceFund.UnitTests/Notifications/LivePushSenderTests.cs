using EnhanceFund.Notifications.Application;
using EnhanceFund.Notifications.Endpoints;
using EnhanceFund.Notifications.Endpoints.Realtime;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EnhanceFund.UnitTests.Notifications;

/// <summary>
/// Two instances' senders pushing one user's counts through one backplane, with one order between them (Redis's in a
/// deployment, a shared local one here): whatever the interleaving, the last count published is the newest.
/// </summary>
[Collection(PushCounts.Collection)]
public sealed class LivePushSenderTests
{
    private readonly RecordingHub _hub = new();
    private readonly LocalUnreadCountOrder _order = new();

    [Fact]
    public async Task A_count_that_reaches_the_backplane_after_a_newer_one_is_followed_by_the_newer_one()
    {
        var (slow, fast) = (Sender(), Sender());
        using var pushes = new PushCounts();
        _hub.Holding = true;

        var older = slow.UnreadCountAsync(7, Count(1, readIn: 10), CancellationToken.None);
        await _hub.FirstSendStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        _hub.Holding = false;
        Assert.Null(await fast.UnreadCountAsync(7, Count(2, readIn: 11), CancellationToken.None));
        _hub.Release();
        Assert.Null(await older);

        Assert.Equal([2, 1, 2], SentCounts());
        Assert.Equal(3, pushes.Sent);
    }

    [Fact]
    public async Task A_count_older_than_one_already_recorded_is_not_published()
    {
        var (first, second) = (Sender(), Sender());
        using var pushes = new PushCounts();

        Assert.Null(await first.UnreadCountAsync(7, Count(2, readIn: 11), CancellationToken.None));
        Assert.Null(await second.UnreadCountAsync(7, Count(1, readIn: 10), CancellationToken.None));
        // Read in an equal snapshot: the same commits, so the same count, sent again for a tab that just connected.
        Assert.Null(await second.UnreadCountAsync(7, Count(2, readIn: 11), CancellationToken.None));

        Assert.Equal([2, 2], SentCounts());
        Assert.Equal(2, pushes.Sent);
    }

    [Fact]
    public void Of_two_snapshots_with_one_xmax_the_one_with_fewer_transactions_in_progress_is_the_later()
    {
        Assert.True(new ReadSnapshot(100, 0).IsLaterThan(new ReadSnapshot(100, 1)));
        Assert.False(new ReadSnapshot(100, 1).IsLaterThan(new ReadSnapshot(100, 0)));
        Assert.True(new ReadSnapshot(101, 5).IsLaterThan(new ReadSnapshot(100, 0)));
        Assert.False(new ReadSnapshot(100, 2).IsLaterThan(new ReadSnapshot(100, 2)));
    }

    private LivePushSender Sender() =>
        new(_hub, _order, Options.Create(new PushOptions { SendTimeout = TimeSpan.FromMinutes(1) }), NullLogger<LivePushSender>.Instance);

    private static VersionedUnreadCount Count(int count, long readIn) => new(count, new ReadSnapshot(readIn, 0));

    private int[] SentCounts() => _hub.Sent.Select(s => ((UnreadCountData)s.Payload!).UnreadCount).ToArray();
}
