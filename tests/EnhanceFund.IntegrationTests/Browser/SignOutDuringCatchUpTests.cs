using EnhanceFund.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EnhanceFund.IntegrationTests.Browser;

/// <summary>
/// A notification catch-up still on its way when the user signs out is answered into a stopped notification center:
/// the sign-in page shows nothing of it (no toast, no unread count in the title) and nothing more is asked of the API.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SignOutDuringCatchUpTests(Chromium chromium) : IAsyncLifetime
{
    private const string Title = "Stored while the catch-up was held";

    // From sign-out on: every toast title and every page title the page shows, and every API request it sends.
    private const string WatchAfterSignOut = """
        () => {
          window.afterSignOut = [];
          new MutationObserver(() => {
            for (const toast of document.querySelectorAll('[data-testid=toast]')) window.afterSignOut.push('toast: ' + toast.textContent);
            if (document.title !== 'EnhanceFund') window.afterSignOut.push('title: ' + document.title);
          }).observe(document, { childList: true, subtree: true, characterData: true });
        }
        """;

    private string _database = "";
    private TestHost _host = null!;
    private IBrowserContext _context = null!;

    public async Task InitializeAsync()
    {
        var servers = await TestServers.GetAsync();
        _database = await servers.CreateDatabaseAsync();
        _host = await TestHost.StartAsync(_database, servers.Redis, $"signout-catchup-{Guid.NewGuid():N}");
        _context = await chromium.NewContextAsync(_host.Address);
    }

    public async Task DisposeAsync()
    {
        await _context.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task A_catch_up_answered_after_sign_out_shows_nothing_and_sends_nothing()
    {
        var user = await ApiClient.RegisterAsync(_host.Http);
        // The catch-up after the hub connects is held until the user has signed out.
        var catchUpSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseCatchUp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await _context.RouteAsync(url => url.Contains("after_seq=", StringComparison.Ordinal), async route =>
        {
            catchUpSent.TrySetResult();
            await releaseCatchUp.Task;
            await route.ContinueAsync();
        });
        var catchUpAnswered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var apiRequestsAfterSignOut = new List<string>();
        var signedOut = false;
        _context.RequestFinished += (_, request) =>
        {
            if (request.Url.Contains("after_seq=", StringComparison.Ordinal)) catchUpAnswered.TrySetResult();
        };
        _context.Request += (_, request) =>
        {
            if (Volatile.Read(ref signedOut) && request.Url.Contains("/api/", StringComparison.Ordinal))
                lock (apiRequestsAfterSignOut) apiRequestsAfterSignOut.Add(request.Url);
        };
        var app = await WebApp.SignInAsync(_context, user.Email);
        await catchUpSent.Task.WaitAsync(TimeSpan.FromSeconds(15));
        // Stored and never pushed, so only the held catch-up can bring it: news to this tab, worth a toast.
        await InsertUnpushedNotificationAsync(user.UserId);

        await app.Page.GetByTestId("logout-button").ClickAsync();
        await Expect(app.Page.GetByTestId("login-button")).ToBeVisibleAsync();
        await app.Page.EvaluateAsync(WatchAfterSignOut);
        Volatile.Write(ref signedOut, true);
        releaseCatchUp.SetResult();
        await catchUpAnswered.Task.WaitAsync(TimeSpan.FromSeconds(15));

        // The answer (the notification above, one unread) has reached the page; for a few seconds nothing may show it.
        var watchUntil = DateTime.UtcNow + TimeSpan.FromSeconds(3);
        while (DateTime.UtcNow < watchUntil)
        {
            Assert.Empty(await app.Page.EvaluateAsync<string[]>("() => window.afterSignOut"));
            lock (apiRequestsAfterSignOut) Assert.Empty(apiRequestsAfterSignOut);
            await Task.Delay(100);
        }

        Assert.Equal("EnhanceFund", await app.Page.TitleAsync());
        await Expect(app.Error).ToBeHiddenAsync();
        await Expect(app.Page.GetByTestId("login-button")).ToBeVisibleAsync();
        Assert.Empty(app.PageErrors);
    }

    private async Task InsertUnpushedNotificationAsync(long userId) =>
        Assert.Equal(1, await new Ledger(_database).ExecuteAsync(
            $"""
            INSERT INTO notifications.notifications (user_id, notification_type, title, message, is_read, created_at, source_event_id)
            VALUES ({userId}, 'fund_added', '{Title}', 'Stored by the test, never pushed.', false, now(), gen_random_uuid())
            """));
}
