using System.Net;
using EnhanceFund.IntegrationTests.Infrastructure;

namespace EnhanceFund.IntegrationTests.Lending;

public sealed class InvestingTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task An_investment_the_wallet_cannot_cover_is_rejected_and_takes_nothing()
    {
        var loanId = await OpenLoanAsync(1000m);
        var investor = await InvestorWithAsync(50m);

        var investment = await InvestAsync(investor, loanId, 100m);
        var rejected = await LoanLifecycle.InvestmentEventuallyAsync(investor, investment, "rejected");

        Assert.Equal("insufficient_funds", rejected["rejection_reason"]!.GetValue<string>());
        Assert.Null(rejected["expected_return"]);
        Assert.Equal(50m, await investor.BalanceAsync());
        Assert.Equal(["deposit"], await investor.TransactionTypesAsync());
        Assert.Equal(
            $"Your investment of $100.00 in loan #{loanId} was rejected: your wallet balance was too low. Nothing was taken from your wallet.",
            await RejectionMessageAsync(investor));
    }

    [Fact]
    public async Task An_investment_in_a_loan_that_is_not_open_is_rejected_and_refunded()
    {
        var borrower = await ApiClient.RegisterAsync(fixture.Http, "borrower");
        var pending = (await borrower.PostAsync("/api/loans", ALoan(1000m))).Data["loan"]!["id"]!.GetValue<long>();
        var investor = await InvestorWithAsync(300m);

        var inPending = await InvestAsync(investor, pending, 100m);
        var inNothing = await InvestAsync(investor, 987654321, 200m);

        foreach (var id in new[] { inPending, inNothing })
        {
            var rejected = await LoanLifecycle.InvestmentEventuallyAsync(investor, id, "rejected");
            Assert.Equal("loan_not_open", rejected["rejection_reason"]!.GetValue<string>());
        }

        await Eventually.ReturnsAsync(investor.BalanceAsync, b => b == 300m, "both refunds");
        Assert.Equal(
            ["deposit", "investment", "investment", "investment_refund", "investment_refund"],
            (await investor.TransactionTypesAsync()).Order().ToArray());
        var notifications = await investor.NotificationsEventuallyAsync(3);
        var rejection = notifications.Single(n => n!["related_id"]!.GetValue<long>() == inPending)!;
        Assert.Equal(
            $"Your investment of $100.00 in loan #{pending} was rejected: loan #{pending} is not open for investment. $100.00 has been returned to your wallet.",
            rejection["message"]!.GetValue<string>());
        Assert.Equal(0m, (await borrower.GetAsync($"/api/loans/{pending}")).Data["loan"]!["funded_amount"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task An_investment_larger_than_what_the_loan_still_needs_is_rejected_and_refunded()
    {
        var loanId = await OpenLoanAsync(500m);
        var investor = await InvestorWithAsync(1000m);

        var rejected = await LoanLifecycle.InvestmentEventuallyAsync(investor, await InvestAsync(investor, loanId, 600m), "rejected");

        Assert.Equal("exceeds_remaining", rejected["rejection_reason"]!.GetValue<string>());
        await Eventually.ReturnsAsync(investor.BalanceAsync, b => b == 1000m, "the refund");
        var loan = await LoanLifecycle.LoanEventuallyAsync(investor, loanId, "approved");
        Assert.Equal(500m, loan["remaining_amount"]!.GetValue<decimal>());
        Assert.EndsWith("it is more than loan #" + loanId + " still needs. $600.00 has been returned to your wallet.", await RejectionMessageAsync(investor));
    }

    [Fact]
    public async Task An_active_investment_shows_its_expected_return_and_its_loan_stays_visible_to_its_investor_once_fulfilled()
    {
        var loanId = await OpenLoanAsync(400m, interestRate: 7.5m, termMonths: 7);
        var investor = await InvestorWithAsync(400m);

        var active = await LoanLifecycle.InvestmentEventuallyAsync(investor, await InvestAsync(investor, loanId, 400m), "active");

        Assert.Equal(417.50m, active["expected_return"]!.GetValue<decimal>()); // 400 * (1 + 0.075 * 7/12)
        var loan = await LoanLifecycle.LoanEventuallyAsync(investor, loanId, "fulfilled");
        Assert.Equal(1, loan["investor_count"]!.GetValue<int>());
        var stranger = await ApiClient.RegisterAsync(fixture.Http, "investor");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/loans/{loanId}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/investments/{active["id"]}")).Status);
        var mine = (await investor.GetAsync("/api/investments?status=active")).Data["investments"]!.AsArray();
        Assert.Equal(active["id"]!.GetValue<long>(), mine.Single()!["id"]!.GetValue<long>());
        Assert.Empty((await investor.GetAsync("/api/investments?status=rejected")).Data["investments"]!.AsArray());
    }

    [Fact]
    public async Task Only_investors_invest_and_only_the_borrower_repays_what_is_due()
    {
        var borrower = await ApiClient.RegisterAsync(fixture.Http, "borrower");
        var other = await ApiClient.RegisterAsync(fixture.Http, "borrower");
        var investor = await ApiClient.RegisterAsync(fixture.Http, "investor");
        var admin = await ApiClient.LogInAsync(fixture.Http, TestHost.AdminEmail, TestHost.AdminPassword);
        var loanId = (await borrower.PostAsync("/api/loans", ALoan(1000m))).Data["loan"]!["id"]!.GetValue<long>();
        await admin.PostAsync($"/api/loans/{loanId}/approve");

        Assert.Equal(HttpStatusCode.Forbidden, (await borrower.PostAsync("/api/investments", new { loan_id = loanId, amount = 10m })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsync("/api/investments", new { loan_id = loanId, amount = 10m })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await borrower.GetAsync("/api/investments")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await investor.PostAsync($"/api/loans/{loanId}/repay")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/loans/{loanId}/repay")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await borrower.PostAsync("/api/loans/987654321/repay")).Status);

        var notDue = await Eventually.ReturnsAsync(
            () => borrower.PostAsync($"/api/loans/{loanId}/repay"), r => r.Status != HttpStatusCode.NotFound, "the wallet to learn of the loan");
        Assert.Equal(HttpStatusCode.Conflict, notDue.Status);
        Assert.Equal("Only a fulfilled loan can be repaid; this one is not fully funded and paid out yet.", notDue.Body["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_retried_investment_with_the_same_idempotency_key_is_made_once()
    {
        var loanId = await OpenLoanAsync(1000m);
        var investor = await InvestorWithAsync(100m);

        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ =>
            investor.PostAsync("/api/investments", new { loan_id = loanId, amount = 25m }, idempotencyKey: "invest-once")));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Accepted, a.Status));
        Assert.Single(answers.Select(a => a.Data["investment"]!["id"]!.GetValue<long>()).Distinct());
        var other = await investor.PostAsync("/api/investments", new { loan_id = loanId, amount = 26m }, idempotencyKey: "invest-once");
        Assert.Equal(HttpStatusCode.Conflict, other.Status);
        Assert.True(other.Errors.ContainsKey("idempotency_key"));

        await LoanLifecycle.InvestmentEventuallyAsync(investor, answers[0].Data["investment"]!["id"]!.GetValue<long>(), "active");
        Assert.Single((await investor.GetAsync("/api/investments")).Data["investments"]!.AsArray());
        Assert.Equal(75m, await investor.BalanceAsync());
    }

    [Theory]
    [InlineData("""{"amount": 10}""", "loan_id")]
    [InlineData("""{"loan_id": 0, "amount": 10}""", "loan_id")]
    [InlineData("""{"loan_id": "abc", "amount": 10}""", "loan_id")]
    [InlineData("""{"loan_id": 1.5, "amount": 10}""", "loan_id")]
    [InlineData("""{"loan_id": 1}""", "amount")]
    [InlineData("""{"loan_id": 1, "amount": 0}""", "amount")]
    [InlineData("""{"loan_id": 1, "amount": -5}""", "amount")]
    [InlineData("""{"loan_id": 1, "amount": 1.001}""", "amount")]
    [InlineData("""{"loan_id": 1, "amount": 1000000.01}""", "amount")]
    [InlineData("""{"loan_id": 1, "amount": "10"}""", "amount")]
    public async Task A_bad_investment_is_a_400_naming_the_field(string body, string field)
    {
        var investor = await ApiClient.RegisterAsync(fixture.Http, "investor");
        var response = await investor.PostRawAsync("/api/investments", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.True(response.Errors.ContainsKey(field), response.ToString());
        Assert.Empty((await investor.GetAsync("/api/investments")).Data["investments"]!.AsArray());
    }

    [Theory]
    [InlineData("/api/investments?status=lost", "status")]
    [InlineData("/api/investments?limit=0", "limit")]
    [InlineData("/api/investments?before_id=-1", "before_id")]
    [InlineData("/api/investments/abc", "id")]
    public async Task A_bad_investment_query_is_a_400_naming_the_field(string path, string field)
    {
        var investor = await ApiClient.RegisterAsync(fixture.Http, "investor");
        var response = await investor.GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.True(response.Errors.ContainsKey(field), response.ToString());
    }

    private static object ALoan(decimal amount, decimal interestRate = 10m, int termMonths = 12) =>
        new { amount, interest_rate = interestRate, term_months = termMonths, purpose = "Stock for the shop" };

    private async Task<long> OpenLoanAsync(decimal amount, decimal interestRate = 10m, int termMonths = 12)
    {
        var borrower = await ApiClient.RegisterAsync(fixture.Http, "borrower");
        var loanId = (await borrower.PostAsync("/api/loans", ALoan(amount, interestRate, termMonths))).Data["loan"]!["id"]!.GetValue<long>();
        var admin = await ApiClient.LogInAsync(fixture.Http, TestHost.AdminEmail, TestHost.AdminPassword);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/loans/{loanId}/approve")).Status);
        return loanId;
    }

    private async Task<ApiClient> InvestorWithAsync(decimal balance)
    {
        var investor = await ApiClient.RegisterAsync(fixture.Http, "investor");
        Assert.Equal(HttpStatusCode.Created, (await investor.PostAsync("/api/wallet/deposits", new { amount = balance })).Status);
        return investor;
    }

    private static async Task<long> InvestAsync(ApiClient investor, long loanId, decimal amount)
    {
        var response = await investor.PostAsync("/api/investments", new { loan_id = loanId, amount });
        Assert.Equal(HttpStatusCode.Accepted, response.Status);
        return response.Data["investment"]!["id"]!.GetValue<long>();
    }

    private static async Task<string> RejectionMessageAsync(ApiClient investor) =>
        (await investor.NotificationsEventuallyAsync(1, "&type=investment_rejected")).Single()!["message"]!.GetValue<string>();
}
