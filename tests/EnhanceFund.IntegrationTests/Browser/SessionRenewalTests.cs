using System.Text.RegularExpressions;
using EnhanceFund.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EnhanceFund.IntegrationTests.Browser;

/// <summary>
/// With one-minute tokens, an open page renews its token before it runs out; when the server closes the hub
/// connection of the old token, the page reconnects with the new one and keeps receiving pushes, signed in throughout.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SessionRenewalTests(Chromium chromium) : IAsyncLifetime
{
    private const string StoredToken = "() => JSON.parse(localStorage.getItem('enhancefund.session')).access_token";

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
}
