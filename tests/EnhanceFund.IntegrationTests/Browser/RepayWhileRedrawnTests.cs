using EnhanceFund.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EnhanceFund.IntegrationTests.Browser;

/// <summary>
/// A repayment is accepted (202) and settles by events, so the loans list can be drawn again while the loan still
/// reads <c>fulfilled</c>, or a list read before it settled can land after the page saw it <c>repaid</c>. Neither
/// may offer the Repay button again: the page keeps what it knows to be newer.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RepayWhileRedrawnTests(Chromium chromium, HostFixture fixture) : IClassFixture<HostFixture>, IAsyncLifetime
{
    private IBrowserContext _context = null!;

    public async Task InitializeAsync() => _context = await chromium.NewContextAsync(fixture.Host.Address);

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public async Task A_list_drawn_again_while_the_repayment_settles_keeps_the_Repay_button_disabled()
    {
        var (borrower, loanId) = await LoanLifecycle.FulfilledLoanAsync(fixture.Http);
        // Until released, every read of the borrower's loans answers as the server did before the repayment: the
        // events that close the loan take milliseconds here, and seconds on a busy day.
        var stale = await StaleLoansAsync(borrower, loanId);
        var released = false;
        await _context.RouteAsync("**/api/loans*", route => AnswerStaleUntil(route, () => released, stale.List));
        await _context.RouteAsync($"**/api/loans/{loanId}", route => AnswerStaleUntil(route, () => released, stale.Loan));
        var app = await WebApp.SignInAsync(_context, borrower.Email);
        var row = app.LoanRow(loanId);

        await row.GetByTestId("repay-button").ClickAsync();
        await Expect(row.GetByTestId("repay-button")).ToHaveTextAsync("Repaying…");
        await app.Page.GetByTestId("refresh-loans-button").ClickAsync();
        await Expect(app.Page.GetByTestId("refresh-loans-button")).ToBeEnabledAsync();
        await Expect(row.GetByTestId("loan-status")).ToHaveTextAsync("fulfilled");
        await Expect(row.GetByTestId("repay-button")).ToHaveTextAsync("Repaying…");
        await Expect(row.GetByTestId("repay-button")).ToBeDisabledAsync();

        released = true;
        await Expect(row.GetByTestId("loan-status")).ToHaveTextAsync("repaid");
        await Expect(row.GetByTestId("repay-button")).ToHaveCountAsync(0);
        Assert.Equal(0m, await borrower.BalanceAsync());
        Assert.Single(await borrower.TransactionTypesAsync(), "loan_repayment");
        Assert.Empty(app.PageErrors);
    }

    [Fact]
    public async Task A_list_read_before_the_repayment_settled_and_landing_after_it_does_not_bring_the_loan_back()
    {
        var (borrower, loanId) = await LoanLifecycle.FulfilledLoanAsync(fixture.Http);
        var stale = await StaleLoansAsync(borrower, loanId);
        var app = await WebApp.SignInAsync(_context, borrower.Email);
        var row = app.LoanRow(loanId);
        await Expect(row.GetByTestId("loan-status")).ToHaveTextAsync("fulfilled");

        // The next list read is answered as the server answered before the repayment, once the page has seen it repaid.
        var seenRepaid = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await _context.RouteAsync("**/api/loans*", async route =>
        {
            if (route.Request.Method != "GET")
            {
                await route.ContinueAsync();
                return;
            }

            await Task.WhenAny(seenRepaid.Task, Task.Delay(TimeSpan.FromSeconds(30)));
            await route.FulfillAsync(new() { Status = 200, ContentType = "application/json", Body = stale.List });
        });
        await app.Page.GetByTestId("refresh-loans-button").ClickAsync();
        await row.GetByTestId("repay-button").ClickAsync();
        await Expect(row.GetByTestId("loan-status")).ToHaveTextAsync("repaid");
        seenRepaid.SetResult();

        await Expect(app.Page.GetByTestId("refresh-loans-button")).ToBeEnabledAsync();
        await Expect(row.GetByTestId("loan-status")).ToHaveTextAsync("repaid");
        await Expect(row.GetByTestId("repay-button")).ToHaveCountAsync(0);
        Assert.Empty(app.PageErrors);
    }

    private static async Task<(string List, string Loan)> StaleLoansAsync(ApiClient borrower, long loanId) =>
        ((await borrower.GetAsync("/api/loans")).Text, (await borrower.GetAsync($"/api/loans/{loanId}")).Text);

    private static async Task AnswerStaleUntil(IRoute route, Func<bool> released, string body)
    {
        if (route.Request.Method != "GET" || released()) await route.ContinueAsync();
        else await route.FulfillAsync(new() { Status = 200, ContentType = "application/json", Body = body });
    }
}
