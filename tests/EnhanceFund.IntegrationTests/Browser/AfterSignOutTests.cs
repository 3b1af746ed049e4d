using EnhanceFund.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EnhanceFund.IntegrationTests.Browser;

/// <summary>
/// What a signed-out user's requests still on their way may do: nothing to the next user. A money request's retry is
/// not sent with the next user's token (the server keys requests per user, so it would act anew on their account),
/// its failure is not reported to the next user, and a refusal of a request sent after the sign-out leaves the
/// sign-in form alone.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AfterSignOutTests(Chromium chromium, HostFixture fixture) : IClassFixture<HostFixture>, IAsyncLifetime
{
    // What nginx answers when the instance did not answer in time: the request never reached the API.
    private const string Unavailable = """{"code":0,"message":"The service is unavailable. Please try again shortly.","errors":{}}""";

    private IBrowserContext _context = null!;

    public async Task InitializeAsync() => _context = await chromium.NewContextAsync(fixture.Host.Address);

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public async Task A_withdrawal_left_unanswered_is_neither_retried_with_the_next_users_token_nor_reported_to_them()
    {
        var first = await ApiClient.RegisterAsync(fixture.Http);
        var next = await ApiClient.RegisterAsync(fixture.Http);
        await first.DepositAsync(100m);
        await next.DepositAsync(100m);
        // The first attempt is held until the next user is signed in, then answered 504; any other goes through.
        var tokens = new List<string?>();
        var firstSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var answerFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstAnswered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await _context.RouteAsync("**/api/wallet/withdrawals", async route =>
        {
            int attempt;
            lock (tokens)
            {
                tokens.Add(route.Request.Headers.GetValueOrDefault("authorization"));
                attempt = tokens.Count;
            }

            if (attempt > 1)
            {
                await route.ContinueAsync();
                return;
            }

            firstSent.TrySetResult();
            await Task.WhenAny(answerFirst.Task, Task.Delay(TimeSpan.FromSeconds(30)));
            await route.FulfillAsync(new() { Status = 504, ContentType = "application/json", Body = Unavailable });
            firstAnswered.TrySetResult();
        });

        var app = await WebApp.SignInAsync(_context, first.Email);
        await app.WithdrawAsync(30m);
        await firstSent.Task.WaitAsync(TimeSpan.FromSeconds(15));
        await app.SwitchUserAsync(next.Email);
        answerFirst.SetResult();
        await firstAnswered.Task.WaitAsync(TimeSpan.FromSeconds(15));

        // The withdrawal gives up at once, and silently: the next user did not ask for it. A retry would have come
        // within 0.5 s and gone through for the next user; the 504's message would have shown at once.
        int Attempts() { lock (tokens) return tokens.Count; }
        var watchUntil = DateTime.UtcNow + TimeSpan.FromSeconds(2.5);
        while (DateTime.UtcNow < watchUntil)
        {
            Assert.Equal(1, Attempts());
            Assert.False(await app.Error.IsVisibleAsync(), $"the next user is told: {await app.Error.TextContentAsync()}");
            await Task.Delay(100);
        }

        Assert.Equal(100m, await next.BalanceAsync());
        Assert.Equal(100m, await first.BalanceAsync());
        Assert.Empty(app.PageErrors);
    }

    [Fact]
    public async Task A_repayments_check_refused_after_the_sign_out_leaves_the_sign_in_form_alone()
    {
        var (borrower, loanId) = await LoanLifecycle.FulfilledLoanAsync(fixture.Http);
        var unpaid = (await borrower.GetAsync($"/api/loans/{loanId}")).Text;
        // Signed in, the repayment's checks read the loan as not closed yet, so they go on; signed out, they reach the
        // server as sent, without a token, and are refused (401).
        await _context.RouteAsync($"**/api/loans/{loanId}", async route =>
        {
            if (route.Request.Headers.ContainsKey("authorization"))
                await route.FulfillAsync(new() { Status = 200, ContentType = "application/json", Body = unpaid });
            else
                await route.ContinueAsync();
        });
        var refusedAfterSignOut = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _context.Response += (_, response) =>
        {
            if (response.Url.EndsWith($"/api/loans/{loanId}", StringComparison.Ordinal) && response.Status == 401) refusedAfterSignOut.TrySetResult();
        };

        var app = await WebApp.SignInAsync(_context, borrower.Email);
        var repay = app.LoanRow(loanId).GetByTestId("repay-button");
        await repay.ClickAsync();
        await Expect(repay).ToHaveTextAsync("Repaying…");
        await app.Page.GetByTestId("logout-button").ClickAsync();
        await app.Page.GetByTestId("auth-email").FillAsync("someone-else@example.test");
        await refusedAfterSignOut.Task.WaitAsync(TimeSpan.FromSeconds(15));

        // The refusal has reached the page; for a few seconds the form must keep what is typed and say nothing.
        var watchUntil = DateTime.UtcNow + TimeSpan.FromSeconds(3);
        while (DateTime.UtcNow < watchUntil)
        {
            Assert.Equal("someone-else@example.test", await app.Page.GetByTestId("auth-email").InputValueAsync());
            Assert.False(await app.Error.IsVisibleAsync(), $"the sign-in form says: {await app.Error.TextContentAsync()}");
            await Task.Delay(100);
        }

        Assert.Empty(app.PageErrors);
    }
}
