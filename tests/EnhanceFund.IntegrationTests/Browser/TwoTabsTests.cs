using EnhanceFund.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EnhanceFund.IntegrationTests.Browser;

/// <summary>Two tabs of one signed-in user stay in step: pushes reach both, reading in one updates the other.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TwoTabsTests(Chromium chromium, HostFixture fixture) : IClassFixture<HostFixture>, IAsyncLifetime
{
    private IBrowserContext _context = null!;

    public async Task InitializeAsync() => _context = await chromium.NewContextAsync(fixture.Host.Address);

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public async Task A_deposit_in_one_tab_raises_the_badge_and_a_toast_in_another_within_a_second()
    {
        var user = await RegisterAsync();
        var depositing = await WebApp.SignInAsync(_context, user);
        var watching = await WebApp.OpenAsync(_context);
        await watching.WaitUntilLiveAsync();
        await watching.ExpectUnreadAsync(0);

        await depositing.DepositAsync(250m);

        // Both from the click: the request, the commit, the relay, the push and the repaint, all within a second.
        var withinASecond = new LocatorAssertionsToHaveTextOptions { Timeout = 1000 };
        await Task.WhenAll(
            Expect(watching.Badge).ToHaveTextAsync("1", withinASecond),
            Expect(watching.Toasts.First).ToContainTextAsync("Your wallet has been credited with $250.00", new() { Timeout = 1000 }));
        await Artifacts.ScreenshotAsync(watching.Page, "toast-in-the-other-tab");

        await depositing.ExpectBalanceAsync(250m);
        await watching.ExpectBalanceAsync(250m);
        await Expect(watching.Toasts).ToHaveCountAsync(1);
        Assert.Empty(depositing.PageErrors.Concat(watching.PageErrors));
    }

    [Fact]
    public async Task Reading_in_one_tab_lowers_the_badge_in_the_other_and_mark_all_read_clears_both()
    {
        var email = await RegisterAsync(deposits: 3);
        var reading = await WebApp.SignInAsync(_context, email);
        var watching = await WebApp.OpenAsync(_context);
        await watching.WaitUntilLiveAsync();
        await reading.ExpectUnreadAsync(3);
        await watching.ExpectUnreadAsync(3);

        await reading.OpenNotificationsAsync();
        await watching.OpenNotificationsAsync();
        await Artifacts.ScreenshotAsync(reading.Page, "two-tabs-unread");
        var newest = (await reading.ListedAsync())[0];
        await reading.Notifications.First.GetByTestId("mark-read-button").ClickAsync();

        await reading.ExpectUnreadAsync(2);
        await watching.ExpectUnreadAsync(2);
        // The other tab learns which one was read, not only how many are left.
        await Eventually.ReturnsAsync(watching.ListedAsync, l => l.Single(n => n.Id == newest.Id) is { Unread: false },
            "the other tab showing the notification read");

        await reading.Page.GetByTestId("mark-all-read-button").ClickAsync();

        foreach (var tab in new[] { reading, watching })
        {
            await tab.ExpectUnreadAsync(0);
            await Eventually.ReturnsAsync(tab.ListedAsync, l => l.Count == 3 && l.All(n => !n.Unread), "every notification shown read");
        }
        Assert.Empty(reading.PageErrors.Concat(watching.PageErrors));
    }

    private async Task<string> RegisterAsync(int deposits = 0)
    {
        var user = await ApiClient.RegisterAsync(fixture.Http);
        for (var i = 1; i <= deposits; i++) await user.PostAsync("/api/wallet/deposits", new { amount = 10m * i });
        if (deposits > 0) await user.NotificationsEventuallyAsync(deposits);
        return user.Email;
    }
}
