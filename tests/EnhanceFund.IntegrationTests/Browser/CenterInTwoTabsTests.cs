using EnhanceFund.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EnhanceFund.IntegrationTests.Browser;

/// <summary>
/// The notification center in the browser: archive, delete (after a confirmation), the archived view,
/// mark-read for the type shown, and preferences, with another tab of the same user following every change live.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CenterInTwoTabsTests(Chromium chromium, HostFixture fixture) : IClassFixture<HostFixture>, IAsyncLifetime
{
    private IBrowserContext _context = null!;

    public async Task InitializeAsync() => _context = await chromium.NewContextAsync(fixture.Host.Address);

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public async Task Archive_delete_mark_read_by_type_and_preferences_in_one_tab_show_in_the_other_without_a_reload()
    {
        var user = await ApiClient.WithNotificationsAsync(fixture.Http, deposits: 3, withdrawals: 2);
        var acting = await WebApp.SignInAsync(_context, user.Email);
        var watching = await WebApp.OpenAsync(_context);
        await watching.WaitUntilLiveAsync();
        await acting.OpenNotificationsAsync();
        await watching.OpenNotificationsAsync();
        var listed = await acting.ListedAsync();
        Assert.Equal(5, listed.Count);

        // Archive the newest (unread): out of both tabs' inbox, and the badge drops in both.
        await acting.Item(listed[0].Id).GetByTestId("archive-button").ClickAsync();
        foreach (var tab in new[] { acting, watching })
        {
            await tab.ExpectUnreadAsync(4);
            await Expect(tab.Item(listed[0].Id)).ToHaveCountAsync(0);
        }

        await watching.Page.GetByTestId("view-archived").ClickAsync();
        await Expect(watching.Notifications).ToHaveCountAsync(1);
        await Expect(watching.Item(listed[0].Id)).ToBeVisibleAsync();
        await Artifacts.ScreenshotAsync(watching.Page, "archived-view");
        await watching.Page.GetByTestId("view-inbox").ClickAsync();
        await Expect(watching.Notifications).ToHaveCountAsync(4);

        // Delete asks first; once confirmed, the notification is gone from both tabs and from the API.
        await acting.Item(listed[1].Id).GetByTestId("delete-button").ClickAsync();
        await acting.Item(listed[1].Id).GetByTestId("cancel-delete-button").ClickAsync();
        await acting.Item(listed[1].Id).GetByTestId("delete-button").ClickAsync();
        await acting.Item(listed[1].Id).GetByTestId("confirm-delete-button").ClickAsync();
        foreach (var tab in new[] { acting, watching })
        {
            await tab.ExpectUnreadAsync(3);
            await Expect(tab.Item(listed[1].Id)).ToHaveCountAsync(0);
        }

        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await user.GetAsync($"/api/notifications/{listed[1].Id}")).Status);

        // With one type shown, mark-read reads that type only.
        await acting.Page.GetByTestId("notification-filter").SelectOptionAsync("fund_added");
        await Expect(acting.Notifications).ToHaveCountAsync(3);
        await acting.Page.GetByTestId("mark-all-read-button").ClickAsync();
        foreach (var tab in new[] { acting, watching }) await tab.ExpectUnreadAsync(0);
        await Eventually.ReturnsAsync(watching.ListedAsync, l => l.Count == 3 && l.All(n => !n.Unread), "the other tab showing them read");
        Assert.All(await user.NotificationsAsync("&type=fund_added"), n => Assert.True(n!["is_read"]!.GetValue<bool>()));

        // A preference changed in one tab is the other tab's too.
        await acting.OpenPreferencesAsync();
        await watching.OpenPreferencesAsync();
        await Expect(watching.Preference("loan_funded", "live")).ToBeCheckedAsync();
        await acting.Preference("loan_funded", "live").UncheckAsync();
        await Expect(watching.Preference("loan_funded", "live")).Not.ToBeCheckedAsync();
        await Expect(watching.Preference("loan_funded", "in_app")).ToBeCheckedAsync();
        await Artifacts.ScreenshotAsync(watching.Page, "preferences-from-the-other-tab");
        var stored = (await user.GetAsync("/api/notifications/preferences")).Data["preferences"]!["loan_funded"]!;
        Assert.False(stored["live"]!.GetValue<bool>());
        Assert.Empty(acting.PageErrors.Concat(watching.PageErrors));
    }

    [Fact]
    public async Task A_type_muted_live_is_listed_and_counted_but_pops_up_no_toast()
    {
        var user = await ApiClient.RegisterAsync(fixture.Http);
        var app = await WebApp.SignInAsync(_context, user.Email);
        await app.OpenPreferencesAsync();
        await app.Preference("fund_added", "live").UncheckAsync();
        await Eventually.ReturnsAsync(
            () => user.GetAsync("/api/notifications/preferences"),
            r => r.Data["preferences"]!["fund_added"]!["live"]!.GetValue<bool>() == false, "fund_added muted");

        await user.DepositAsync(40m);
        await app.ExpectUnreadAsync(1);
        await Expect(app.Notifications).ToHaveCountAsync(1);
        Assert.Equal("fund_added", (await app.ListedAsync()).Single().Type);
        // Never pushed, it reached the page through the count: the card it concerns follows all the same.
        await app.ExpectBalanceAsync(40m);

        // A type still live pops up as before, and brings no toast for the muted one with it.
        await user.PostAsync("/api/wallet/withdrawals", new { amount = 5m });
        await Expect(app.Toasts.First).ToContainTextAsync("$5.00 has been withdrawn from your wallet");
        await app.ExpectUnreadAsync(2);
        await Expect(app.Notifications).ToHaveCountAsync(2);
        await Expect(app.Toasts).ToHaveCountAsync(1);
        Assert.Empty(app.PageErrors);
    }
}
