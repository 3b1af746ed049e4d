using EnhanceFund.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EnhanceFund.IntegrationTests.Browser;

/// <summary>
/// A token renewal still on its way when the user signs out belongs to a session that is over: its answer is dropped,
/// so the user stays signed out (and no other tab is signed back in through the storage event).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SignOutDuringRenewalTests(Chromium chromium) : IAsyncLifetime
{
    private const string StoredSession = "() => localStorage.getItem('enhancefund.session')";

    private TestHost _host = null!;
    private IBrowserContext _context = null!;

    public async Task InitializeAsync()
    {
        var servers = await TestServers.GetAsync();
        // One-minute tokens: the page renews about fifteen seconds after signing in.
        _host = await TestHost.StartAsync(await servers.CreateDatabaseAsync(), servers.Redis, $"signout-renewal-{Guid.NewGuid():N}",
            settings: new Dictionary<string, string> { ["Jwt:AccessTokenMinutes"] = "1" });
        _context = await chromium.NewContextAsync(_host.Address);
    }

    public async Task DisposeAsync()
    {
        await _context.DisposeAsync();
        await _host.DisposeAsync();
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
