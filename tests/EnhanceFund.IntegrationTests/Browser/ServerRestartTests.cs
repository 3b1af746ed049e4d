using EnhanceFund.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EnhanceFund.IntegrationTests.Browser;

/// <summary>
/// The Host goes away under an open page and comes back on the same address. The page says it is reconnecting,
/// reconnects by itself, fetches what it missed with after_seq, and shows every notification exactly once.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ServerRestartTests(Chromium chromium, HostFixture fixture) : IClassFixture<HostFixture>, IAsyncLifetime
{
    private IBrowserContext _context = null!;

    public async Task InitializeAsync() => _context = await chromium.NewContextAsync(fixture.Host.Address);

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public async Task A_restart_under_an_open_page_is_recovered_without_a_reload_and_without_duplicates()
    {
        var user = await ApiClient.RegisterAsync(fixture.Http);
        var app = await WebApp.SignInAsync(_context, user.Email);
        await user.PostAsync("/api/wallet/deposits", new { amount = 10m });
        await app.ExpectUnreadAsync(1);
        // Survives only if the page is never reloaded.
        await app.Page.EvaluateAsync("() => window.sameDocument = true");

        await fixture.RestartHostAsync(async () =>
        {
            await Expect(app.Connection).ToHaveAttributeAsync("data-state", "reconnecting");
            await Expect(app.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Reconnecting" })).ToBeVisibleAsync();
            await Artifacts.ScreenshotAsync(app.Page, "reconnecting");

            // Meanwhile another instance serves the user: these two are pushed to nobody on this page.
            await using var other = await TestHost.StartAsync(fixture.Database, fixture.Servers.Redis, fixture.ChannelPrefix);
            var elsewhere = user.Via(other.Http);
            await elsewhere.PostAsync("/api/wallet/deposits", new { amount = 20m });
            await elsewhere.PostAsync("/api/wallet/deposits", new { amount = 30m });
            await elsewhere.NotificationsEventuallyAsync(3);
        });

        await Expect(app.Connection).ToHaveAttributeAsync("data-state", "connected");
        await app.ExpectUnreadAsync(3);
        // What one catch-up brings is announced by one toast.
        await Expect(app.Toasts.Filter(new() { HasText = "2 new notifications" })).ToHaveCountAsync(1);
        await Expect(app.Toasts.Filter(new() { HasText = "credited with $20.00" })).ToHaveCountAsync(0);
        await Expect(app.Toasts.Filter(new() { HasText = "credited with $30.00" })).ToHaveCountAsync(0);
        await app.ExpectBalanceAsync(60m);

        // And live again: a push after the restart arrives once, beside the caught-up ones.
        user = user.Via(fixture.Http);
        await user.PostAsync("/api/wallet/deposits", new { amount = 40m });
        await app.ExpectUnreadAsync(4);
        await app.OpenNotificationsAsync();
        var listed = await Eventually.ReturnsAsync(app.ListedAsync, l => l.Count >= 4, "four notifications listed");
        var stored = (await user.NotificationsAsync()).Ids();
        Assert.Equal(stored, listed.Select(n => n.Id));
        Assert.True(await app.Page.EvaluateAsync<bool>("() => window.sameDocument === true"), "the page was reloaded");
        Assert.Empty(app.PageErrors);
    }
}
