using EnhanceFund.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EnhanceFund.IntegrationTests.Browser;

/// <summary>
/// A deposit whose answer arrives after the balance moved again (another deposit elsewhere, pushed and refreshed)
/// does not put its older balance back on the page: the page reads the wallet again instead.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LateDepositAnswerTests(Chromium chromium, HostFixture fixture) : IClassFixture<HostFixture>, IAsyncLifetime
{
    private IBrowserContext _context = null!;

    public async Task InitializeAsync() => _context = await chromium.NewContextAsync(fixture.Host.Address);

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public async Task A_deposit_answered_after_a_newer_balance_is_shown_leaves_the_newer_balance()
    {
        var user = await ApiClient.RegisterAsync(fixture.Http);
        // The deposit acts on the server at once; its answer (balance $10.00) reaches the page when released.
        var held = new HeldAnswer();
        await _context.RouteAsync("**/api/wallet/deposits", held.RouteAsync);
        var app = await WebApp.SignInAsync(_context, user.Email);

        await app.DepositAsync(10m);
        await held.Read.WaitAsync(TimeSpan.FromSeconds(15));
        // Meanwhile another deposit, made elsewhere: its push makes the page read the wallet, $15.00.
        await user.DepositAsync(5m);
        await app.ExpectBalanceAsync(15m);

        await held.AnswerAsync();
        // The client empties the amount once it has the answer.
        await Expect(app.Page.GetByTestId("deposit-amount")).ToHaveValueAsync("");
        await app.ExpectBalanceAsync(15m);
        Assert.Equal(15m, await user.BalanceAsync());
        Assert.Empty(app.PageErrors);
    }
}
