using EnhanceFund.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EnhanceFund.IntegrationTests.Browser;

/// <summary>
/// The life of a loan clicked through the web client by its three people, each in a browser of their own (and
/// the admin in a fourth): each sees exactly their own notifications, the same ones the API holds for them.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LoanInThreeBrowsersTests(Chromium chromium, HostFixture fixture) : IClassFixture<HostFixture>, IAsyncLifetime
{
    private readonly List<IBrowserContext> _contexts = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts) await context.DisposeAsync();
    }

    [Fact]
    public async Task Borrower_and_two_investors_see_exactly_their_own_notifications_from_request_to_repayment()
    {
        var borrowerApi = await ApiClient.RegisterAsync(fixture.Http, "borrower");
        var firstApi = await ApiClient.RegisterAsync(fixture.Http, "investor");
        var secondApi = await ApiClient.RegisterAsync(fixture.Http, "investor");
        var borrower = await SignInAsync(borrowerApi.Email);

        // Request, then approve as the admin.
        await borrower.Page.GetByTestId("loan-amount").FillAsync("1000");
        await borrower.Page.GetByTestId("loan-rate").FillAsync("10");
        await borrower.Page.GetByTestId("loan-term").FillAsync("12");
        await borrower.Page.GetByTestId("loan-purpose").FillAsync("A delivery van");
        await borrower.Page.GetByTestId("request-loan-button").ClickAsync();
        var loanRow = borrower.Page.GetByTestId("loan-row").First;
        await Expect(loanRow.GetByTestId("loan-status")).ToHaveTextAsync("pending");
        var loanId = long.Parse((await loanRow.GetAttributeAsync("data-loan-id"))!);

        var admin = await SignInAsync(TestHost.AdminEmail, TestHost.AdminPassword);
        await admin.LoanRow(loanId).GetByTestId("approve-button").ClickAsync();
        await Expect(admin.LoanRow(loanId).GetByTestId("loan-status")).ToHaveTextAsync("approved");
        await borrower.ExpectUnreadAsync(1);
        await Expect(borrower.Toasts.First).ToContainTextAsync("Loan Approved");

        // Two investors fund it from their wallets; the second keeps $33.33.
        var first = await SignInAsync(firstApi.Email);
        var second = await SignInAsync(secondApi.Email);
        await first.DepositAsync(LoanLifecycle.FirstStake);
        await second.DepositAsync(700m);
        await first.ExpectBalanceAsync(LoanLifecycle.FirstStake);
        await second.ExpectBalanceAsync(700m);
        await InvestAsync(first, loanId, LoanLifecycle.FirstStake);
        await InvestAsync(second, loanId, LoanLifecycle.SecondStake);

        await Expect(borrower.LoanRow(loanId).GetByTestId("loan-status")).ToHaveTextAsync("fulfilled");
        await borrower.ExpectBalanceAsync(1000m);
        await Expect(first.Page.GetByTestId("investment-status")).ToHaveTextAsync("active");
        await Expect(second.Page.GetByTestId("investment-status")).ToHaveTextAsync("active");

        // Repayment: short first (the API's own sentence is shown), then after a deposit it goes through.
        var repay = borrower.LoanRow(loanId).GetByTestId("repay-button");
        await Expect(repay).ToHaveTextAsync($"Repay {WebApp.Money(LoanLifecycle.RepaymentDue)}");
        await repay.ClickAsync();
        await Expect(borrower.Error).ToHaveTextAsync("Insufficient funds: the balance is $1,000.00, the repayment due $1,100.00.");
        await borrower.DepositAsync(100m);
        await borrower.ExpectBalanceAsync(1100m);
        await repay.ClickAsync();
        await Expect(borrower.LoanRow(loanId).GetByTestId("loan-status")).ToHaveTextAsync("repaid");
        await borrower.ExpectBalanceAsync(0m);

        await Expect(first.Page.GetByTestId("investment-status")).ToHaveTextAsync("closed");
        await Expect(second.Page.GetByTestId("investment-status")).ToHaveTextAsync("closed");
        await Expect(first.Page.GetByTestId("investment-row")).ToContainTextAsync($"Returned {WebApp.Money(LoanLifecycle.FirstReturn)}");
        await first.ExpectBalanceAsync(LoanLifecycle.FirstReturn);
        await second.ExpectBalanceAsync(LoanLifecycle.SecondInvestorSpare + LoanLifecycle.SecondReturn);

        // Each bell holds that person's notifications and nobody else's: the very ones the API has for them.
        await AssertBellAsync(first, firstApi, "fund_added", "investment_made", "loan_fulfilled", "investment_return");
        await AssertBellAsync(second, secondApi, "fund_added", "investment_made", "loan_fulfilled", "investment_return");
        await AssertBellAsync(borrower, borrowerApi, "loan_approved", "loan_funded", "loan_funded", "loan_fulfilled", "fund_added");
        await Artifacts.ScreenshotAsync(first.Page, "notification-center");

        Assert.Empty(new[] { borrower, admin, first, second }.SelectMany(app => app.PageErrors));
    }

    private static async Task InvestAsync(WebApp investor, long loanId, decimal amount)
    {
        var row = investor.LoanRow(loanId);
        await row.GetByTestId("invest-amount").FillAsync(amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await row.GetByTestId("invest-button").ClickAsync();
        await Expect(investor.Page.GetByTestId("investment-row")).ToHaveCountAsync(1);
    }

    private static async Task AssertBellAsync(WebApp app, ApiClient api, params string[] expectedTypes)
    {
        await app.ExpectUnreadAsync(expectedTypes.Length);
        await app.OpenNotificationsAsync();
        var listed = await Eventually.ReturnsAsync(app.ListedAsync, l => l.Count >= expectedTypes.Length, "the bell's list");
        Assert.Equal(expectedTypes.Order(), listed.Select(n => n.Type).Order());
        Assert.All(listed, n => Assert.True(n.Unread));

        var stored = (await api.NotificationsAsync()).Ids();
        Assert.Equal(stored, listed.Select(n => n.Id));
    }

    private async Task<WebApp> SignInAsync(string email, string password = ApiClient.Password)
    {
        var context = await chromium.NewContextAsync(fixture.Host.Address);
        _contexts.Add(context);
        return await WebApp.SignInAsync(context, email, password);
    }
}
