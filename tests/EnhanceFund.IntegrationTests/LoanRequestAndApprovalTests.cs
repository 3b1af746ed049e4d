using System.Net;
using System.Text.Json.Nodes;
using EnhanceFund.IntegrationTests.Infrastructure;

namespace EnhanceFund.IntegrationTests;

public sealed class LoanRequestAndApprovalTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private static object ALoan(decimal amount = 5000m) =>
        new { amount, interest_rate = 12.5m, term_months = 12, purpose = "Expand the bakery" };

    private Task<ApiClient> AdminAsync() => ApiClient.LogInAsync(fixture.Http, TestHost.AdminEmail, TestHost.AdminPassword);

    [Fact]
    public async Task A_requested_loan_is_pending_and_its_approval_notifies_the_borrower_once()
    {
        var borrower = await ApiClient.RegisterAsync(fixture.Http, "borrower");
        await using var live = await LiveClient.ConnectAsync(fixture.Host.Address, borrower.Token);

        var requested = await borrower.PostAsync("/api/loans", ALoan());
        Assert.Equal(HttpStatusCode.Created, requested.Status);
        var loan = requested.Data["loan"]!;
        Assert.Equal("pending", loan["status"]!.GetValue<string>());
        Assert.Equal(borrower.UserId, loan["borrower_id"]!.GetValue<long>());
        Assert.Equal(5000.00m, loan["remaining_amount"]!.GetValue<decimal>());
        Assert.Equal(0.00m, loan["funded_amount"]!.GetValue<decimal>());
        Assert.Equal(12.5m, loan["interest_rate"]!.GetValue<decimal>());
        var loanId = loan["id"]!.GetValue<long>();

        var admin = await AdminAsync();
        var approved = await admin.PostAsync($"/api/loans/{loanId}/approve");
        Assert.Equal(HttpStatusCode.OK, approved.Status);
        Assert.Equal("approved", approved.Data["loan"]!["status"]!.GetValue<string>());

        var pushed = (await live.NotificationsEventuallyAsync(1)).Single();
        var served = (await borrower.NotificationsAsync()).Single()!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(pushed.GetRawText()), served));
        Assert.Equal("loan_approved", served["notification_type"]!.GetValue<string>());
        Assert.Equal("Loan Approved", served["notification_type_display"]!.GetValue<string>());
        Assert.Equal("Your loan request of $5,000.00 has been approved and is now open for investment.", served["message"]!.GetValue<string>());
        Assert.Equal("loan", served["related_type"]!.GetValue<string>());
        Assert.Equal(loanId, served["related_id"]!.GetValue<long>());

        var again = await admin.PostAsync($"/api/loans/{loanId}/approve");
        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        await borrower.PostAsync("/api/wallet/deposits", new { amount = 1m });
        var after = await borrower.NotificationsEventuallyAsync(2);
        Assert.Single(after, n => n!["notification_type"]!.GetValue<string>() == "loan_approved");
    }

    [Fact]
    public async Task Two_admins_racing_to_approve_one_loan_approve_it_once()
    {
        var borrower = await ApiClient.RegisterAsync(fixture.Http, "borrower");
        var loanId = (await borrower.PostAsync("/api/loans", ALoan())).Data["loan"]!["id"]!.GetValue<long>();
        var admin = await AdminAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => admin.PostAsync($"/api/loans/{loanId}/approve")));

        Assert.Single(answers, a => a.Status == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.Conflict, a.Status));
        await borrower.PostAsync("/api/wallet/deposits", new { amount = 1m });
        var notifications = await borrower.NotificationsEventuallyAsync(2);
        Assert.Single(notifications, n => n!["notification_type"]!.GetValue<string>() == "loan_approved");
    }

    [Fact]
    public async Task Racing_retries_of_a_loan_request_under_one_idempotency_key_request_one_loan()
    {
        var borrower = await ApiClient.RegisterAsync(fixture.Http, "borrower");

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => borrower.PostAsync("/api/loans", ALoan(), idempotencyKey: "loan-once")));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.Status));
        Assert.Single(answers.Select(a => a.Data.ToJsonString()).Distinct());
        var loanId = answers[0].Data["loan"]!["id"]!.GetValue<long>();
        Assert.Equal([loanId], await IdsAsync(borrower, "/api/loans"));
        // Other terms, or another purpose, under the used key: another request, refused.
        var otherAmount = await borrower.PostAsync("/api/loans", ALoan(4000m), idempotencyKey: "loan-once");
        var otherPurpose = await borrower.PostAsync(
            "/api/loans", new { amount = 5000m, interest_rate = 12.5m, term_months = 12, purpose = "Expand the bakery twice" }, idempotencyKey: "loan-once");
        Assert.All([otherAmount, otherPurpose], a => Assert.Equal(HttpStatusCode.Conflict, a.Status));
        Assert.All([otherAmount, otherPurpose], a => Assert.True(a.Errors.ContainsKey("idempotency_key"), a.ToString()));
        // The same terms under a new key, and with no key, are new loans.
        Assert.Equal(HttpStatusCode.Created, (await borrower.PostAsync("/api/loans", ALoan(), idempotencyKey: "loan-twice")).Status);
        Assert.Equal(HttpStatusCode.Created, (await borrower.PostAsync("/api/loans", ALoan())).Status);
        Assert.Equal(3, (await IdsAsync(borrower, "/api/loans")).Length);
        Assert.Equal(HttpStatusCode.BadRequest, (await borrower.PostAsync("/api/loans", ALoan(), idempotencyKey: new string('k', 256))).Status);
    }

    [Fact]
    public async Task Roles_decide_who_may_request_and_approve()
    {
        var investor = await ApiClient.RegisterAsync(fixture.Http, "investor");
        var borrower = await ApiClient.RegisterAsync(fixture.Http, "borrower");

        var investorRequest = await investor.PostAsync("/api/loans", ALoan());
        Assert.Equal(HttpStatusCode.Forbidden, investorRequest.Status);
        Assert.Equal(0, investorRequest.Body["code"]!.GetValue<int>());

        var loanId = (await borrower.PostAsync("/api/loans", ALoan())).Data["loan"]!["id"]!.GetValue<long>();
        Assert.Equal(HttpStatusCode.Forbidden, (await borrower.PostAsync($"/api/loans/{loanId}/approve")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await (await AdminAsync()).PostAsync("/api/loans/987654321/approve")).Status);
    }

    [Fact]
    public async Task Each_role_sees_its_own_loans_and_nobody_learns_of_the_others()
    {
        var alice = await ApiClient.RegisterAsync(fixture.Http, "borrower");
        var bob = await ApiClient.RegisterAsync(fixture.Http, "borrower");
        var investor = await ApiClient.RegisterAsync(fixture.Http, "investor");
        var admin = await AdminAsync();
        var pending = (await alice.PostAsync("/api/loans", ALoan(1000m))).Data["loan"]!["id"]!.GetValue<long>();
        var open = (await alice.PostAsync("/api/loans", ALoan(2000m))).Data["loan"]!["id"]!.GetValue<long>();
        await admin.PostAsync($"/api/loans/{open}/approve");

        Assert.Equal(HttpStatusCode.OK, (await alice.GetAsync($"/api/loans/{pending}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync($"/api/loans/{pending}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await investor.GetAsync($"/api/loans/{pending}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await investor.GetAsync($"/api/loans/{open}")).Status);

        var alicesLoans = await IdsAsync(alice, "/api/loans");
        Assert.Equal(new[] { open, pending }, alicesLoans);
        Assert.Empty(await IdsAsync(bob, "/api/loans"));
        var investorsLoans = await IdsAsync(investor, "/api/loans?limit=200");
        Assert.Contains(open, investorsLoans);
        Assert.DoesNotContain(pending, investorsLoans);
        Assert.Equal(new[] { pending }, await IdsAsync(alice, "/api/loans?status=pending"));
        Assert.Contains(pending, await IdsAsync(admin, "/api/loans?status=pending&limit=200"));
    }

    [Theory]
    [InlineData("""{"amount": 0, "interest_rate": 10, "term_months": 12, "purpose": "x"}""", "amount")]
    [InlineData("""{"amount": 1000000.01, "interest_rate": 10, "term_months": 12, "purpose": "x"}""", "amount")]
    [InlineData("""{"amount": 100, "interest_rate": 0, "term_months": 12, "purpose": "x"}""", "interest_rate")]
    [InlineData("""{"amount": 100, "interest_rate": 100.01, "term_months": 12, "purpose": "x"}""", "interest_rate")]
    [InlineData("""{"amount": 100, "interest_rate": 10.555, "term_months": 12, "purpose": "x"}""", "interest_rate")]
    [InlineData("""{"amount": 100, "interest_rate": 10.500, "term_months": 12, "purpose": "x"}""", "interest_rate")]
    [InlineData("""{"amount": 100.000, "interest_rate": 10, "term_months": 12, "purpose": "x"}""", "amount")]
    [InlineData("""{"amount": 100, "interest_rate": 10, "term_months": 0, "purpose": "x"}""", "term_months")]
    [InlineData("""{"amount": 100, "interest_rate": 10, "term_months": 121, "purpose": "x"}""", "term_months")]
    [InlineData("""{"amount": 100, "interest_rate": 10, "term_months": 1.5, "purpose": "x"}""", "term_months")]
    [InlineData("""{"amount": 100, "interest_rate": 10, "term_months": 12, "purpose": "   "}""", "purpose")]
    [InlineData("""{"amount": 100, "interest_rate": 10, "term_months": 12}""", "purpose")]
    public async Task A_bad_loan_request_is_a_400_naming_the_field(string body, string field)
    {
        var borrower = await ApiClient.RegisterAsync(fixture.Http, "borrower");
        var response = await borrower.PostRawAsync("/api/loans", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.True(response.Errors.ContainsKey(field), response.ToString());
        Assert.Empty(await IdsAsync(borrower, "/api/loans"));
    }

    [Fact]
    public async Task A_purpose_longer_than_500_characters_is_refused()
    {
        var borrower = await ApiClient.RegisterAsync(fixture.Http, "borrower");
        var response = await borrower.PostAsync("/api/loans", new { amount = 100m, interest_rate = 10m, term_months = 12, purpose = new string('p', 501) });
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.True(response.Errors.ContainsKey("purpose"));
        Assert.Equal(HttpStatusCode.BadRequest, (await borrower.GetAsync("/api/loans?status=lost")).Status);
    }

    private static async Task<long[]> IdsAsync(ApiClient user, string path)
    {
        var response = await user.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.Status);
        return response.Data["loans"]!.AsArray().Select(l => l!["id"]!.GetValue<long>()).ToArray();
    }
}
