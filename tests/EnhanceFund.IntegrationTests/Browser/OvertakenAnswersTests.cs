using EnhanceFund.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EnhanceFund.IntegrationTests.Browser;

/// <summary>
/// An answer read by the server before something else happened, and landing after it, must not undo it: a list read
/// before a delete, a preferences answer read before another tab's change, a start-up overtaken by another sign-in
/// (which must stop at once: its hub connection is the last user's).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OvertakenAnswersTests(Chromium chromium, HostFixture fixture) : IClassFixture<HostFixture>, IAsyncLifetime
{
    private IBrowserContext _context = null!;

    public async Task InitializeAsync() => _context = await chromium.NewContextAsync(fixture.Host.Address);

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public async Task A_list_read_before_a_delete_and_answered_after_it_does_not_bring_the_deleted_one_back()
    {
        var user = await ApiClient.WithNotificationsAsync(fixture.Http, deposits: 2);
        var app = await WebApp.SignInAsync(_context, user.Email);
        await app.OpenNotificationsAsync();
        var listed = await app.ListedAsync();
        Assert.Equal(2, listed.Count);
        var (readElsewhere, deleted) = (listed[0].Id, listed[1].Id);

        // The list's reload is read by the server at once, and its answer held until the delete is done.
        var held = new HeldAnswer();
        await app.Page.RouteAsync(url => url.Contains("/api/notifications?limit=", StringComparison.Ordinal), held.RouteAsync);
        // Read in another tab: the count the server pushes is one this tab cannot explain, so it reloads its list.
        await user.PatchAsync($"/api/notifications/{readElsewhere}", new { is_read = true });
        await held.Read.WaitAsync(TimeSpan.FromSeconds(15));
        await app.Item(deleted).GetByTestId("delete-button").ClickAsync();
        await app.Item(deleted).GetByTestId("confirm-delete-button").ClickAsync();
        await Expect(app.Item(deleted)).ToHaveCountAsync(0);

        await held.AnswerAsync();

        await WatchAsync(async () => Assert.Equal([readElsewhere], (await app.ListedAsync()).Select(n => n.Id)));
        Assert.Empty(app.PageErrors);
    }

    [Fact]
    public async Task A_count_read_before_a_mark_read_and_answered_after_it_does_not_undo_it_while_the_hub_is_down()
    {
        // No push can set the badge right: only the answers' own order can.
        await _context.RouteAsync("**/hubs/**", route => route.AbortAsync());
        var user = await ApiClient.WithNotificationsAsync(fixture.Http, deposits: 21);
        var app = await WebApp.OpenAsync(_context);
        await app.SubmitSignInAsync(user.Email);
        await Expect(app.Page.GetByTestId("current-user")).ToBeVisibleAsync();
        await app.OpenNotificationsAsync();
        await app.ExpectUnreadAsync(21);
        await Expect(app.Connection).Not.ToHaveAttributeAsync("data-state", "connected");

        // The older page is read by the server at once (21 unread), and its answer held until a mark-read is counted.
        var held = new HeldAnswer();
        await app.Page.RouteAsync(url => url.Contains("before_id=", StringComparison.Ordinal), held.RouteAsync);
        await app.Page.GetByTestId("load-older-button").ClickAsync();
        await held.Read.WaitAsync(TimeSpan.FromSeconds(15));
        var counted = app.Page.WaitForResponseAsync(r => r.Url.Contains("/api/notifications/unread-count", StringComparison.Ordinal));
        await app.Notifications.First.GetByTestId("mark-read-button").ClickAsync();
        await counted;
        await app.ExpectUnreadAsync(20);

        await held.AnswerAsync();

        await WatchAsync(async () => Assert.Equal("20", await app.Badge.TextContentAsync()));
        Assert.Empty(app.PageErrors);
    }

    [Fact]
    public async Task A_preferences_answer_read_before_another_tabs_change_does_not_undo_it()
    {
        var user = await ApiClient.RegisterAsync(fixture.Http);
        var app = await WebApp.SignInAsync(_context, user.Email);
        await app.OpenPreferencesAsync();

        // This tab's change is made at once, and its answer held until another tab's later change has been pushed.
        var held = new HeldAnswer();
        await app.Page.RouteAsync("**/api/notifications/preferences", route =>
            route.Request.Method == "PATCH" ? held.RouteAsync(route) : route.ContinueAsync());
        await app.Preference("fund_added", "live").UncheckAsync();
        await held.Read.WaitAsync(TimeSpan.FromSeconds(15));
        await user.PatchAsync("/api/notifications/preferences", new { fund_added = new { in_app = false } });
        await Expect(app.Preference("fund_added", "in_app")).Not.ToBeCheckedAsync();

        // The held answer says in_app is on: it was, when the server read it.
        await held.AnswerAsync();

        await WatchAsync(async () =>
        {
            Assert.False(await app.Preference("fund_added", "in_app").IsCheckedAsync(), "in_app shown on again");
            Assert.False(await app.Preference("fund_added", "live").IsCheckedAsync(), "live shown on again");
        });
        Assert.Empty(app.PageErrors);
    }

    [Fact]
    public async Task A_start_up_overtaken_by_another_sign_in_leaves_the_new_pages_toasts()
    {
        var (_, next, tab, other, held) = await OvertakeAStartUpAsync();
        // The overtaken start-up stopped at once, not when its answer came: its hub connection is the first user's.
        await Eventually.ReturnsAsync(() => Task.FromResult(tab.HubConnectionsClosed), closed => closed > 0, "the overtaken start-up stopped");

        await next.DepositAsync(30m);
        await Expect(tab.Toasts).ToHaveCountAsync(1);
        // Hovered, it stays until dismissed.
        await tab.Toasts.First.HoverAsync();
        await held.AnswerAsync();

        await WatchAsync(async () => Assert.Equal(1, await tab.Toasts.CountAsync()));
        Assert.Empty(tab.PageErrors);
        Assert.Empty(other.PageErrors);
    }

    [Fact]
    public async Task A_start_up_overtaken_by_another_sign_in_shows_the_next_user_nothing_of_the_first()
    {
        var (first, _, tab, other, held) = await OvertakeAStartUpAsync();

        // Something happens to the first user, and the rest of the first start-up fails to load.
        await first.DepositAsync(30m);
        await tab.Page.RouteAsync("**/api/wallet", route => route.FulfillAsync(new()
        {
            Status = 503,
            ContentType = "application/json",
            Body = """{"code":0,"message":"The first user's wallet did not load","errors":{}}""",
        }));
        await held.AnswerAsync();

        await WatchAsync(async () =>
        {
            Assert.Equal(0, await tab.Toasts.CountAsync());
            Assert.Equal("EnhanceFund", await tab.Page.TitleAsync());
            Assert.False(await tab.Error.IsVisibleAsync(), "the next user is shown the first start-up's load error");
        });
        Assert.Empty(tab.PageErrors);
        Assert.Empty(other.PageErrors);
    }

    /// <summary>
    /// The first user's start-up in a tab waits for its /api/auth/me (its hub connected meanwhile, as the first user)
    /// while another tab signs out and the next user in; the tab follows, and shows the next user's page live.
    /// </summary>
    private async Task<(ApiClient First, ApiClient Next, WebApp Tab, WebApp Other, HeldAnswer Held)> OvertakeAStartUpAsync()
    {
        var first = await ApiClient.RegisterAsync(fixture.Http);
        var next = await ApiClient.RegisterAsync(fixture.Http);
        var tab = await WebApp.OpenAsync(_context);
        var held = new HeldAnswer();
        await tab.Page.RouteAsync("**/api/auth/me", held.RouteAsync);
        await tab.SubmitSignInAsync(first.Email);
        await held.Read.WaitAsync(TimeSpan.FromSeconds(15));

        var other = await WebApp.OpenAsync(_context);
        await other.WaitUntilLiveAsync();
        await other.SwitchUserAsync(next.Email);
        await tab.WaitUntilLiveAsync();
        await Expect(tab.Page.GetByTestId("current-user")).ToHaveAttributeAsync("title", next.Email);
        return (first, next, tab, other, held);
    }

    /// <summary>The page keeps to <paramref name="assertion"/> for two seconds after the held answer reached it.</summary>
    private static async Task WatchAsync(Func<Task> assertion)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(2);
        while (DateTime.UtcNow < until)
        {
            await assertion();
            await Task.Delay(100);
        }
    }
}
