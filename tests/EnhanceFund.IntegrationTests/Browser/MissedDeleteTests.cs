using EnhanceFund.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EnhanceFund.IntegrationTests.Browser;

/// <summary>
/// A notification deleted elsewhere while its push could not reach the page (Redis, the backplane, was down) leaves
/// the page's list on the server's resync: the reloaded list is what is stored, even where the deleted one was the
/// newest. The Host has a Redis of its own, which the test takes away.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MissedDeleteTests(Chromium chromium) : IAsyncLifetime
{
    private PrivateRedis _redis = null!;
    private TestHost _host = null!;
    private IBrowserContext _context = null!;

    public async Task InitializeAsync()
    {
        var servers = await TestServers.GetAsync();
        _redis = await PrivateRedis.StartAsync();
        _host = await TestHost.StartAsync(await servers.CreateDatabaseAsync(), _redis.ConnectionString, $"missed-delete-{Guid.NewGuid():N}");
        _context = await chromium.NewContextAsync(_host.Address);
    }

    public async Task DisposeAsync()
    {
        await _context.DisposeAsync();
        await _host.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task The_newest_notification_deleted_while_its_push_was_lost_leaves_the_list_on_resync()
    {
        var user = await ApiClient.RegisterAsync(_host.Http);
        await user.DepositAsync(1m);
        await user.DepositAsync(2m);
        var stored = (await user.NotificationsEventuallyAsync(2)).Ids();
        var app = await WebApp.SignInAsync(_context, user.Email);
        await app.OpenNotificationsAsync();
        Assert.Equal(stored, (await app.ListedAsync()).Select(n => n.Id));

        // Deleted through REST while the push that says so goes nowhere.
        await _redis.StopAsync();
        var newest = stored[0];
        Assert.Equal(System.Net.HttpStatusCode.OK, (await user.DeleteAsync($"/api/notifications/{newest}")).Status);
        await Expect(app.Item(newest)).ToBeVisibleAsync();

        // The server's resync makes the page reload its list, which must then hold exactly what is stored.
        await _redis.StartAgainAsync();
        await Expect(app.Item(newest)).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        Assert.Equal(stored.Skip(1), (await app.ListedAsync()).Select(n => n.Id));
        Assert.Empty(app.PageErrors);
    }
}
