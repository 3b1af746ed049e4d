using EnhanceFund.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EnhanceFund.IntegrationTests.Browser;

/// <summary>The bell: right on first paint, older pages on scroll, filters by type, and the API's own words for a refusal.</summary>
[Collection(BrowserCollection.Name)]
public sealed class NotificationCenterTests(Chromium chromium, HostFixture fixture) : IClassFixture<HostFixture>, IAsyncLifetime
{
    private IBrowserContext _context = null!;

    public async Task InitializeAsync() => _context = await chromium.NewContextAsync(fixture.Host.Address);

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public async Task The_badge_is_right_on_first_paint_older_pages_load_on_scroll_and_a_filter_shows_one_type()
    {
        var user = await ApiClient.RegisterAsync(fixture.Http);
        for (var i = 1; i <= 25; i++) await user.PostAsync("/api/wallet/deposits", new { amount = i });
        await user.PostAsync("/api/wallet/withdrawals", new { amount = 1m });
        await user.PostAsync("/api/wallet/withdrawals", new { amount = 2m });
        var stored = (await user.NotificationsEventuallyAsync(27)).Ids();

        // What the badge says the moment the signed-in page appears, before any push could have corrected it.
        await _context.AddInitScriptAsync(
            "new MutationObserver((_, observer) => {" +
            "  if (!document.querySelector('[data-testid=current-user]')) return;" +
            "  window.badgeAtFirstPaint = document.querySelector('[data-testid=unread-badge]').textContent;" +
            "  observer.disconnect();" +
            "}).observe(document, { childList: true, subtree: true });");
        // The first page of notifications comes slowly: a page that showed itself before it arrived would paint 0.
        await _context.RouteAsync(url => url.Contains("/api/notifications?", StringComparison.Ordinal), async route =>
        {
            await Task.Delay(500);
            await route.ContinueAsync();
        });
        var app = await WebApp.SignInAsync(_context, user.Email);
        await _context.UnrouteAllAsync();
        Assert.Equal("27", await app.Page.EvaluateAsync<string>("() => window.badgeAtFirstPaint"));
        await app.ExpectUnreadAsync(27);
        await app.OpenNotificationsAsync();
        await Expect(app.Notifications).ToHaveCountAsync(20);

        await app.Page.GetByTestId("notification-list").EvaluateAsync("list => list.scrollTop = list.scrollHeight");
        await Expect(app.Notifications).ToHaveCountAsync(27);
        Assert.Equal(stored, (await app.ListedAsync()).Select(n => n.Id));

        await app.Page.GetByTestId("notification-filter").SelectOptionAsync("fund_withdrawn");
        await Expect(app.Notifications).ToHaveCountAsync(2);
        Assert.All(await app.ListedAsync(), n => Assert.Equal("fund_withdrawn", n.Type));
        await app.ExpectUnreadAsync(27);
        Assert.Empty(app.PageErrors);
    }

    [Fact]
    public async Task A_refused_action_shows_the_apis_message_and_moves_nothing()
    {
        var user = await ApiClient.RegisterAsync(fixture.Http);
        var app = await WebApp.SignInAsync(_context, user.Email);

        await app.WithdrawAsync(5m);

        var refused = await user.PostAsync("/api/wallet/withdrawals", new { amount = 5m });
        Assert.Equal(System.Net.HttpStatusCode.Conflict, refused.Status);
        await Expect(app.Error).ToHaveTextAsync(refused.Body["message"]!.GetValue<string>());
        await app.ExpectBalanceAsync(0m);
        await app.ExpectUnreadAsync(0);
    }
}
