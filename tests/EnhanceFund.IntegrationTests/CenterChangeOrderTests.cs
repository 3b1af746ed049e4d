using System.Net;
using EnhanceFund.IntegrationTests.Infrastructure;
using EnhanceFund.Notifications.Application;
using EnhanceFund.Notifications.Endpoints.Realtime;
using Microsoft.Extensions.DependencyInjection;

namespace EnhanceFund.IntegrationTests;

/// <summary>
/// Two changes of one user's center on one instance are pushed in the order they were committed, even when the first
/// is slow to queue its push: the last push every tab gets is the state the database holds.
/// </summary>
public sealed class CenterChangeOrderTests : IAsyncLifetime
{
    private readonly SlowFirstChange _push = new();
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        var servers = await TestServers.GetAsync();
        _host = await TestHost.StartAsync(await servers.CreateDatabaseAsync(), servers.Redis, $"change-order-{Guid.NewGuid():N}",
            services: s => s.AddSingleton<INotificationPush>(provider =>
                _push.Around(provider.GetRequiredService<PushDispatcher>(), provider.GetRequiredService<CenterChangeGate>())));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_preferences_change_made_while_the_one_before_queues_its_push_is_pushed_after_it()
    {
        var user = await ApiClient.RegisterAsync(_host.Http);
        await using var otherTab = await LiveClient.ConnectAsync(_host.Address, user.Token);

        // The first change has committed and is about to queue its push when the second is sent.
        var first = user.PatchRawAsync("/api/notifications/preferences", """{"fund_added": {"live": false}}""");
        await _push.FirstChangeQueuing.Task.WaitAsync(TimeSpan.FromSeconds(15));
        var second = await user.PatchRawAsync("/api/notifications/preferences", """{"fund_added": {"live": true}}""");
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal(HttpStatusCode.OK, (await first).Status);
        Assert.True(_push.SecondArrived, "the second change never came while the first was queuing its push");

        var stored = (await user.GetAsync("/api/notifications/preferences")).Data["preferences"]!["fund_added"]!["live"]!.GetValue<bool>();
        Assert.True(stored);
        var pushed = await Eventually.ReturnsAsync(
            () => otherTab.Changes.Where(c => c.Method == "preferences").ToArray(), p => p.Length == 2, "both changes pushed");
        Assert.Equal(stored, pushed[^1].Payload.GetProperty("preferences").GetProperty("fund_added").GetProperty("live").GetBoolean());
    }

    /// <summary>
    /// The real push, whose first change is queued only once the second has come: waiting at the center's gate, or
    /// (were there no gate) queuing its own push first.
    /// </summary>
    private sealed class SlowFirstChange : INotificationPush
    {
        private INotificationPush _inner = null!;
        private CenterChangeGate _gate = null!;
        private int _changes;

        public TaskCompletionSource FirstChangeQueuing { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool SecondArrived { get; private set; }

        public INotificationPush Around(INotificationPush inner, CenterChangeGate gate)
        {
            (_inner, _gate) = (inner, gate);
            return this;
        }

        public void Change(long userId, CenterChange change)
        {
            if (Interlocked.Increment(ref _changes) == 1)
            {
                FirstChangeQueuing.SetResult();
                SecondArrived = SpinWait.SpinUntil(
                    () => _gate.ChangesOf(userId) == 2 || Volatile.Read(ref _changes) == 2, TimeSpan.FromSeconds(15));
            }

            _inner.Change(userId, change);
        }

        public void Notification(long userId, NotificationDto notification) => _inner.Notification(userId, notification);

        public void UnreadCount(long userId, VersionedUnreadCount unreadCount) => _inner.UnreadCount(userId, unreadCount);

        public void UnreadCountsLost(IReadOnlyCollection<long> userIds, Exception cause) => _inner.UnreadCountsLost(userIds, cause);
    }
}
