using System.Net;
using EnhanceFund.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EnhanceFund.IntegrationTests.Browser;

/// <summary>
/// An investment still on its way when the loans list is drawn again (a push, a reconnect, the refresh button) is
/// made once even if the investor clicks Invest again on the redrawn row: the second request carries the first one's
/// Idempotency-Key, so the server answers it with the first one's outcome instead of investing twice.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class InvestWhileRerenderedTests(Chromium chromium, HostFixture fixture) : IClassFixture<HostFixture>, IAsyncLifetime
{
    private IBrowserContext _context = null!;

    public async Task InitializeAsync() => _context = await chromium.NewContextAsync(fixture.Host.Address);

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public async Task Clicking_invest_again_on_a_redrawn_row_while_the_first_is_pending_invests_once()
    {
        var borrower = await ApiClient.RegisterAsync(fixture.Http, "borrower");
        var admin = await ApiClient.LogInAsync(fixture.Http, TestHost.AdminEmail, TestHost.AdminPassword);
        var investor = await ApiClient.RegisterAsync(fixture.Http, "investor");
        await investor.DepositAsync(500m);
        var requested = await borrower.PostAsync("/api/loans", new { amount = 1000m, interest_rate = 10m, term_months = 12, purpose = "A delivery van" });
        var loanId = requested.Data["loan"]!["id"]!.GetValue<long>();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/loans/{loanId}/approve")).Status);

        // The first investment reaches the server only once a second one was sent (or after 30 s, should none be): it is
        // pending all the while the test clicks. Every one is answered as the server answers.
        var keys = new List<string?>();
        var secondSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var answered = 0;
        await _context.RouteAsync("**/api/investments", async route =>
        {
            if (route.Request.Method != "POST")
            {
                await route.ContinueAsync();
                return;
            }

            bool first;
            lock (keys)
            {
                keys.Add(route.Request.Headers.GetValueOrDefault("idempotency-key"));
                first = keys.Count == 1;
                if (keys.Count == 2) secondSent.TrySetResult();
            }

            if (first) await Task.WhenAny(secondSent.Task, Task.Delay(TimeSpan.FromSeconds(30)));
            var response = await route.FetchAsync();
            await route.FulfillAsync(new() { Response = response });
            Interlocked.Increment(ref answered);
        });
        var app = await WebApp.SignInAsync(_context, investor.Email);
        var row = app.LoanRow(loanId);
        await row.GetByTestId("invest-amount").FillAsync("100");
        await row.GetByTestId("invest-button").ClickAsync();
        await Eventually.ReturnsAsync(() => { lock (keys) return keys.Count; }, n => n == 1, "the first investment sent");

        // Drawn again while the first is pending: the typed amount is kept, and the new row's button can be clicked.
        await app.Page.GetByTestId("refresh-loans-button").ClickAsync();
        await Expect(row.GetByTestId("invest-amount")).ToHaveValueAsync("100");
        await row.GetByTestId("invest-button").ClickAsync();

        await Eventually.ReturnsAsync(() => Volatile.Read(ref answered), n => n == 2, "both investments answered");
        Assert.Single(keys.Distinct());
        Assert.Single((await investor.GetAsync("/api/investments")).Data["investments"]!.AsArray());
        await Eventually.ReturnsAsync(investor.BalanceAsync, b => b == 400m, "the investment debited");
        Assert.Empty(app.PageErrors);
    }
}
