using System.Net;
using System.Text.Json.Nodes;
using EnhanceFund.IntegrationTests.Infrastructure;

namespace EnhanceFund.IntegrationTests;

/// <summary>
/// Redis is a backplane, not a dependency: with the instance's Redis killed under it, money still moves, notifications
/// are still stored and listed, and the instance stays ready; when Redis is back, pushes resume without a restart.
/// </summary>
public sealed class RedisOutageTests : IAsyncLifetime
{
    private PrivateRedis _redis = null!;
    private TestHost _host = null!;
    private Ledger _ledger = null!;

    public async Task InitializeAsync()
    {
        var servers = await TestServers.GetAsync();
        _redis = await PrivateRedis.StartAsync();
        var database = await servers.CreateDatabaseAsync();
        _ledger = new Ledger(database);
        _host = await TestHost.StartAsync(database, _redis.ConnectionString, $"outage-{Guid.NewGuid():N}");
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task Without_Redis_deposits_are_notified_through_REST_the_instance_stays_ready_and_pushes_resume_when_it_returns()
    {
        var user = await ApiClient.RegisterAsync(_host.Http);
        await using var live = await LiveClient.ConnectAsync(_host.Address, user.Token);
        await user.DepositAsync(1m);
        await live.NotificationsEventuallyAsync(1);

        await _redis.StopAsync();
        for (var i = 2; i <= 6; i++)
        {
            var transactionId = (await user.DepositAsync(i)).Data["transaction"]!["id"]!.GetValue<long>();
            // Two seconds is far below the backplane's 5 s timeout, which each notifying event used to wait out twice.
            await Eventually.ReturnsAsync(() => user.NotificationsAsync(), n => n.Any(RelatesTo(transactionId)),
                $"the notification of deposit {i} listed while Redis is down", TimeSpan.FromSeconds(2));
        }

        var ready = await ApiClient.Send(_host.Http, HttpMethod.Get, "/health/ready", token: null);
        Assert.Equal(HttpStatusCode.OK, ready.Status);
        Assert.Equal("Degraded", ready.Body["checks"]!["redis"]!.GetValue<string>());
        Assert.Equal("Healthy", ready.Body["checks"]!["postgres"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await user.PostAsync("/api/notifications/mark-all-read")).Status);
        Assert.Single(live.Notifications);

        await _redis.StartAgainAsync();
        await Eventually.ReturnsAsync(async () =>
        {
            await user.DepositAsync(1m);
            return live.Notifications.Count;
        }, pushed => pushed > 1, "a push after Redis came back", TimeSpan.FromSeconds(5));
        // Counts too, though the new Redis knows none of the scripts that order them. The push above may be an earlier
        // deposit's, so the count is read once every deposit is stored.
        await Eventually.ReturnsAsync(_ledger.PendingAsync, n => n == 0, "every deposit notified");
        await live.UnreadCountEventuallyAsync(await user.UnreadCountAsync());

        var ready2 = await ApiClient.Send(_host.Http, HttpMethod.Get, "/health/ready", token: null);
        Assert.Equal("Healthy", ready2.Body["checks"]!["redis"]!.GetValue<string>());
    }

    private static Func<JsonNode?, bool> RelatesTo(long transactionId) => n => n!["related_id"]!.GetValue<long>() == transactionId;
}
