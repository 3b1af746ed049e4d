using EnhanceFund.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EnhanceFund.IntegrationTests.Browser;

/// <summary>
/// A deposit that reached the server but whose answer was lost on the way back (the connection reset after the
/// commit, or an error in its place) is made once: the client sends it again with the same Idempotency-Key, by
/// itself, when the user clicks again and after a reload, and the server answers with what it did the first time.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LostAnswerTests(Chromium chromium, HostFixture fixture) : IClassFixture<HostFixture>, IAsyncLifetime
{
    private IBrowserContext _context = null!;

    public async Task InitializeAsync() => _context = await chromium.NewContextAsync(fixture.Host.Address);

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Theory]
    [InlineData(Lost.ConnectionReset)]
    [InlineData(Lost.FrontServerErrorPage)]
    [InlineData(Lost.ServerErrorEnvelope)]
    public async Task A_deposit_whose_answer_is_lost_is_sent_again_with_its_key_and_made_once(Lost how)
    {
        var (user, app) = await SignInAsync();
        var deposits = await RouteDepositsAsync(answersToLose: 1, how);

        await app.DepositAsync(25m);

        await ExpectDepositAnsweredAsync(app);
        await app.ExpectBalanceAsync(25m);
        await Expect(app.Error).ToBeHiddenAsync();
        Assert.Equal(2, deposits.Keys.Count);
        Assert.Single(deposits.Keys.Distinct());
        Assert.Equal([201], deposits.LostStatuses);
        await AssertDepositedOnceAsync(user, 25m);
        Assert.Empty(app.PageErrors);
    }

    [Fact]
    public async Task Clicking_again_after_the_client_gave_up_sends_the_same_key_and_deposits_nothing_more()
    {
        var (user, app) = await SignInAsync();
        var deposits = await RouteDepositsAsync(answersToLose: int.MaxValue, Lost.ConnectionReset);

        await app.DepositAsync(25m);
        await Expect(app.Error).ToHaveTextAsync("Cannot reach the server. Check your connection and try again.");
        Assert.True(deposits.Keys.Count > 1, $"{deposits.Keys.Count} attempt(s) before giving up");
        Assert.All(deposits.LostStatuses, status => Assert.Equal(201, status));

        deposits.AnswersToLose = 0;
        await app.Page.GetByTestId("deposit-button").ClickAsync();

        await ExpectDepositAnsweredAsync(app);
        await app.ExpectBalanceAsync(25m);
        await Expect(app.Error).ToBeHiddenAsync();
        Assert.Single(deposits.Keys.Distinct());
        await AssertDepositedOnceAsync(user, 25m);
        Assert.Empty(app.PageErrors);
    }

    [Fact]
    public async Task Reloading_the_page_after_the_client_gave_up_keeps_the_key_for_the_same_deposit()
    {
        var (user, app) = await SignInAsync();
        var deposits = await RouteDepositsAsync(answersToLose: int.MaxValue, Lost.ConnectionReset);
        await app.DepositAsync(25m);
        await Expect(app.Error).ToHaveTextAsync("Cannot reach the server. Check your connection and try again.");

        deposits.AnswersToLose = 0;
        await app.Page.ReloadAsync();
        await app.WaitUntilLiveAsync();
        await app.DepositAsync(25m);

        await ExpectDepositAnsweredAsync(app);
        await app.ExpectBalanceAsync(25m);
        Assert.Single(deposits.Keys.Distinct());
        await AssertDepositedOnceAsync(user, 25m);
        Assert.Empty(app.PageErrors);
    }

    [Fact]
    public async Task A_loan_request_whose_answer_is_lost_is_sent_again_with_its_key_and_requests_one_loan()
    {
        var (borrower, app) = await SignInAsync("borrower");
        var requests = await RouteAsync("**/api/loans", answersToLose: 1, Lost.ConnectionReset);

        await app.Page.GetByTestId("loan-amount").FillAsync("1000");
        await app.Page.GetByTestId("loan-rate").FillAsync("10");
        await app.Page.GetByTestId("loan-term").FillAsync("12");
        await app.Page.GetByTestId("loan-purpose").FillAsync("A delivery van");
        await app.Page.GetByTestId("request-loan-button").ClickAsync();

        // The client empties the form once the API has said the loan is requested.
        await Expect(app.Page.GetByTestId("loan-purpose")).ToHaveValueAsync("");
        await Expect(app.Page.GetByTestId("loan-row")).ToHaveCountAsync(1);
        await Expect(app.Error).ToBeHiddenAsync();
        Assert.Equal(2, requests.Keys.Count);
        Assert.Single(requests.Keys.Distinct());
        Assert.NotNull(requests.Keys[0]);
        Assert.Equal([201], requests.LostStatuses);
        Assert.Single((await borrower.GetAsync("/api/loans")).Data["loans"]!.AsArray());
        Assert.Empty(app.PageErrors);
    }

    private async Task<(ApiClient User, WebApp App)> SignInAsync(string role = "investor")
    {
        var user = await ApiClient.RegisterAsync(fixture.Http, role);
        return (user, await WebApp.SignInAsync(_context, user.Email));
    }

    public enum Lost
    {
        ConnectionReset,
        FrontServerErrorPage,
        ServerErrorEnvelope,
    }

    private Task<PostRoute> RouteDepositsAsync(int answersToLose, Lost how) => RouteAsync("**/api/wallet/deposits", answersToLose, how);

    /// <summary>
    /// POSTs to <paramref name="url"/> reach the server and act, and while <see cref="PostRoute.AnswersToLose"/> is
    /// not used up the browser gets, instead of their answer, what <paramref name="how"/> says.
    /// </summary>
    private async Task<PostRoute> RouteAsync(string url, int answersToLose, Lost how)
    {
        const string ServerErrorEnvelope = """{"code": 0, "message": "An unexpected error occurred.", "errors": {}}""";
        var posts = new PostRoute { AnswersToLose = answersToLose };
        await _context.RouteAsync(url, async route =>
        {
            if (route.Request.Method != "POST")
            {
                await route.ContinueAsync();
                return;
            }

            posts.Keys.Add(route.Request.Headers.GetValueOrDefault("idempotency-key"));
            if (posts.AnswersToLose-- <= 0)
            {
                await route.ContinueAsync();
                return;
            }

            posts.LostStatuses.Add((await route.FetchAsync()).Status);
            await (how switch
            {
                Lost.ConnectionReset => route.AbortAsync("connectionreset"),
                Lost.FrontServerErrorPage => route.FulfillAsync(new() { Status = 502, ContentType = "text/html", Body = "<h1>502 Bad Gateway</h1>" }),
                _ => route.FulfillAsync(new() { Status = 500, ContentType = "application/json", Body = ServerErrorEnvelope }),
            });
        });
        return posts;
    }

    /// <summary>The client empties the amount once the API has said the deposit is made (a push may show the balance sooner).</summary>
    private static Task ExpectDepositAnsweredAsync(WebApp app) => Expect(app.Page.GetByTestId("deposit-amount")).ToHaveValueAsync("");

    private static async Task AssertDepositedOnceAsync(ApiClient user, decimal amount)
    {
        Assert.Equal(amount, await user.BalanceAsync());
        var transactions = (await user.GetAsync("/api/wallet/transactions")).Data["transactions"]!.AsArray();
        Assert.Single(transactions);
    }

    private sealed class PostRoute
    {
        /// <summary>The Idempotency-Key of every POST sent, in order.</summary>
        public List<string?> Keys { get; } = [];

        /// <summary>What the server answered to each POST whose answer the browser did not get.</summary>
        public List<int> LostStatuses { get; } = [];

        public int AnswersToLose { get; set; }
    }
}
