using EnhanceFund.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace EnhanceFund.IntegrationTests;

/// <summary>
/// A connected client that follows the sync rules converges to exactly the stored notifications, whatever pushes were
/// lost: one lost in transit (seen by the next push's seq), or many dropped while Redis was away (the client is told
/// to resync although its connection never dropped).
/// </summary>
public sealed class GapFreeSyncTests : IAsyncLifetime
{
    private PrivateRedis _redis = null!;
    private TestHost _host = null!;

    private LosingPushSender Network => _host.Services.GetRequiredService<LosingPushSender>();

    public async Task InitializeAsync()
    {
        var servers = await TestServers.GetAsync();
        _redis = await PrivateRedis.StartAsync();
        // A send slower than the default second (a loaded test machine's Redis publish can be) would be dropped and owed
        // a resync; the tests here tell a push lost silently from a resync, so a slow send must not become a drop. A
        // stopped Redis still fails every send at once.
        _host = await TestHost.StartAsync(
            await servers.CreateDatabaseAsync(), _redis.ConnectionString, $"sync-{Guid.NewGuid():N}", LosingPushSender.Register,
            new Dictionary<string, string> { ["Notifications:Push:SendTimeout"] = "00:00:30" });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task A_push_lost_in_transit_is_seen_by_the_next_pushs_seq_and_fetched()
    {
        var user = await ApiClient.RegisterAsync(_host.Http);
        await using var client = await SyncingClient.ConnectAsync(_host.Address, user);
        await user.DepositAsync(10m);
        await Eventually.ReturnsAsync(() => client.Ids, ids => ids.Length == 1, "the first push");

        Network.Lose(user.UserId, seq: 2);
        await user.DepositAsync(10m);
        await Eventually.ReturnsAsync(() => Network.Lost.ToArray(), lost => lost.Length == 1, "the second push lost");
        Assert.Single(client.Ids);
        await user.DepositAsync(10m);

        await ConvergesAsync(client, user, count: 3);
        Assert.Contains("gap", client.Fetches);
        Assert.Equal(0, client.Resyncs);
    }

    [Fact]
    public async Task Clients_that_stay_connected_through_a_Redis_outage_end_with_exactly_what_REST_holds()
    {
        var users = new List<ApiClient>();
        var clients = new List<SyncingClient>();
        for (var i = 0; i < 3; i++)
        {
            var user = await ApiClient.RegisterAsync(_host.Http);
            users.Add(user);
            clients.Add(await SyncingClient.ConnectAsync(_host.Address, user));
            await user.DepositAsync(10m);
        }

        // Nothing is dropped for this one: only the restored subscription can tell it to resync.
        var bystander = await ApiClient.RegisterAsync(_host.Http);
        await using var bystanderClient = await SyncingClient.ConnectAsync(_host.Address, bystander);

        try
        {
            for (var i = 0; i < 3; i++) await Eventually.ReturnsAsync(() => clients[i].Ids, ids => ids.Length == 1, "the first push");

            await _redis.StopAsync();
            foreach (var user in users)
                for (var d = 0; d < 3; d++) await user.DepositAsync(10m);
            foreach (var user in users) await user.NotificationsEventuallyAsync(4);
            Assert.All(clients, c => Assert.Single(c.Ids));

            // No deposit after this: no later push can reveal the gaps, only resync.
            await _redis.StartAgainAsync();
            for (var i = 0; i < 3; i++) await ConvergesAsync(clients[i], users[i], count: 4);
            Assert.All(clients, c => Assert.Equal(0, c.Reconnects));
            Assert.All(clients, c => Assert.Contains("resync", c.Fetches));
            await Eventually.ReturnsAsync(() => bystanderClient.Resyncs, r => r > 0, "the bystander told to resync");
        }
        finally
        {
            foreach (var client in clients) await client.DisposeAsync();
        }
    }

    /// <summary>Until the client holds exactly the <paramref name="count"/> notifications REST lists, no more, no fewer.</summary>
    private static async Task ConvergesAsync(SyncingClient client, ApiClient user, int count)
    {
        await Eventually.ReturnsAsync(async () =>
            {
                var stored = (await user.NotificationsAsync()).Ids().Order().ToArray();
                return (Stored: stored, Held: client.Ids.Order().ToArray());
            },
            both => both.Stored.Length == count && both.Held.SequenceEqual(both.Stored),
            $"user {user.UserId}'s client holding exactly the {count} stored notifications");
        Assert.Empty(client.Failures);
    }
}
