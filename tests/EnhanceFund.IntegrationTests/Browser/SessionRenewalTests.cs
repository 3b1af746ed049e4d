using System.Text.RegularExpressions;
using EnhanceFund.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EnhanceFund.IntegrationTests.Browser;

/// <summary>
/// With one-minute tokens, an open page renews its token before it runs out; when the server closes the hub
/// connection of the old token, the page reconnects with the new one and keeps receiving pushes, signed in throughout.
/// A renewal still on its way when the user signs out belongs to a session that is over: its answer is dropped, so
/// the user stays signed out (and no other tab is signed back in through the storage event).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SessionRenewalTests(Chromium chromium) : IAsyncLifetime
{
    private const string StoredToken = "() => JSON.parse(localStorage.getItem('enhancefund.session')).access_token";
    private const string StoredSession = "() => localStorage.getItem('enhancefund.session')";

    private TestHost _host = null!;
    private IBrowserContext _context = null!;

    public async Task InitializeAsync()
    {
        var servers = await TestServers.GetAsync();
        _host = await TestHost.StartAsync(await servers.CreateDatabaseAsync(), servers.Redis, $"renewal-{Guid.NewGuid():N}",
            settings: new Dictionary<string, string> { ["Jwt:AccessTokenMinutes"] = "1" });
        _context = await chromium.NewContextAsync(_host.Address);
    }

    public async Task DisposeAsync()
    {
        await _context.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task A_page_renews_its_token_and_reconnects_the_hub_when_the_old_tokens_connection_is_closed()
    {
        var user = await ApiClient.RegisterAsync(_host.Http);
        var app = await WebApp.SignInAsync(_context, user.Email);
        var firstToken = await app.Page.EvaluateAsync<string>(StoredToken);
        await app.Page.EvaluateAsync("""
            () => {
              window.connectionStates = [];
              const status = document.querySelector('[data-testid=connection-status]');
              new MutationObserver(() => window.connectionStates.push(status.dataset.state))
                .observe(status, { attributes: true, attributeFilter: ['data-state'] });
            }
            """);

        await Eventually.ReturnsAsync(() => app.Page.EvaluateAsync<string>(StoredToken), t => t != firstToken,
            "the token renewed", TimeSpan.FromSeconds(45));
        // The server ends the connection when the first token expires (a minute after sign-in); the page comes back.
        await Eventually.ReturnsAsync(() => app.Page.EvaluateAsync<string[]>("() => window.connectionStates"),
            states => states.Length >= 2 && states[^1] == "connected", "the hub closed and reconnected", TimeSpan.FromSeconds(60));

        await app.DepositAsync(12.5m);
        await Expect(app.Toasts.Filter(new() { HasTextRegex = new Regex(@"credited with \$12\.50") })).ToHaveCountAsync(1);
        await Expect(app.Page.GetByTestId("current-user")).ToBeVisibleAsync();
        Assert.Empty(app.PageErrors);
    }

    [Fact]
    public async Task A_renewal_answered_after_sign_out_does_not_sign_the_user_back_in()
    {
        var user = await ApiClient.RegisterAsync(_host.Http);
        var refreshSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseRefresh = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await _context.RouteAsync("**/api/auth/refresh", async route =>
        {
            refreshSent.TrySetResult();
            await releaseRefresh.Task;
            await route.ContinueAsync();
        });
        var refreshAnswered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _context.RequestFinished += (_, request) =>
        {
            if (request.Url.Contains("/api/auth/refresh", StringComparison.Ordinal)) refreshAnswered.TrySetResult();
        };
        var app = await WebApp.SignInAsync(_context, user.Email);

        await refreshSent.Task.WaitAsync(TimeSpan.FromSeconds(45));
        await app.Page.GetByTestId("logout-button").ClickAsync();
        await Expect(app.Page.GetByTestId("login-button")).ToBeVisibleAsync();
        Assert.Null(await app.Page.EvaluateAsync<string?>(StoredSession));
        releaseRefresh.SetResult();
        await refreshAnswered.Task.WaitAsync(TimeSpan.FromSeconds(15));

        // The answer (200, a fresh token for this user) has reached the page; for a few seconds nothing may store it.
        var watchUntil = DateTime.UtcNow + TimeSpan.FromSeconds(3);
        while (DateTime.UtcNow < watchUntil)
        {
            Assert.Null(await app.Page.EvaluateAsync<string?>(StoredSession));
            await Task.Delay(100);
        }

        await Expect(app.Page.GetByTestId("login-button")).ToBeVisibleAsync();
        await Expect(app.Page.GetByTestId("current-user")).ToBeHiddenAsync();
        Assert.Empty(app.PageErrors);
    }
}
