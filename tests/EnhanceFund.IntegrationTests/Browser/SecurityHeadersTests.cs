using EnhanceFund.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace EnhanceFund.IntegrationTests.Browser;

/// <summary>The web client's page carries the headers a browser app should, and works under them.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SecurityHeadersTests(Chromium chromium, HostFixture fixture) : IClassFixture<HostFixture>, IAsyncLifetime
{
    private IBrowserContext _context = null!;

    public async Task InitializeAsync() => _context = await chromium.NewContextAsync(fixture.Host.Address);

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public async Task The_page_forbids_foreign_scripts_and_framing_and_still_works_live_under_that_policy()
    {
        var page = await _context.NewPageAsync();
        var response = (await page.GotoAsync("/"))!;
        var headers = await response.AllHeadersAsync();

        var policy = headers["content-security-policy"];
        Assert.Contains("script-src 'self'", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Contains("connect-src 'self'", policy);
        Assert.Equal("nosniff", headers["x-content-type-options"]);
        Assert.Equal("no-referrer", headers["referrer-policy"]);
        await page.CloseAsync();

        // Signed in, live over the hub, a push shown: nothing the page does is refused by its policy.
        var user = await ApiClient.RegisterAsync(fixture.Http);
        var app = await WebApp.SignInAsync(_context, user.Email);
        await user.PostAsync("/api/wallet/deposits", new { amount = 5m });
        await app.ExpectUnreadAsync(1);
        Assert.Empty(app.PageErrors);
    }
}
