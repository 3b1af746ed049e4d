using System.Net;
using System.Text.Json.Nodes;

namespace EnhanceFund.IntegrationTests.Infrastructure;

/// <summary>
/// The full life of one loan, played through the API as three people would: a borrower asks for $1,000.00 at 10 %
/// for 12 months (due: $1,100.00), an admin approves it, two investors fund it with $333.33 and $666.67 (the
/// split of the repayment then needs a reconciled cent: $366.66 and $733.34), and the borrower repays.
/// Tests play it on one Host or two, with or without faults, and check the same settled outcome.
/// </summary>
public sealed class LoanLifecycle
{
    public const decimal FirstStake = 333.33m;
    public const decimal SecondStake = 666.67m;
    public const decimal RepaymentDue = 1100.00m;
    public const decimal FirstReturn = 366.66m;
    public const decimal SecondReturn = 733.34m;
    public const decimal SecondInvestorSpare = 33.33m;

    private LoanLifecycle(ApiClient borrower, ApiClient firstInvestor, ApiClient secondInvestor, ApiClient admin)
    {
        Borrower = borrower;
        FirstInvestor = firstInvestor;
        SecondInvestor = secondInvestor;
        Admin = admin;
    }

    public ApiClient Borrower { get; }

    public ApiClient FirstInvestor { get; }

    public ApiClient SecondInvestor { get; }

    public ApiClient Admin { get; }

    public long LoanId { get; private set; }

    public long FirstInvestment { get; private set; }

    public long SecondInvestment { get; private set; }

    /// <summary>Signs the cast up; with a second instance, the second investor talks to that one.</summary>
    public static async Task<LoanLifecycle> CastAsync(HttpClient http, HttpClient? otherInstance = null) =>
        new(
            await ApiClient.RegisterAsync(http, "borrower"),
            await ApiClient.RegisterAsync(http, "investor"),
            (await ApiClient.RegisterAsync(http, "investor")).Via(otherInstance ?? http),
            await ApiClient.LogInAsync(http, TestHost.AdminEmail, TestHost.AdminPassword));

    /// <summary>Request, approve, fund (both investments at once), refuse a short repayment, repay.</summary>
    public async Task PlayAsync()
    {
        var requested = await Borrower.PostAsync("/api/loans", new { amount = 1000m, interest_rate = 10m, term_months = 12, purpose = "A delivery van" });
        Assert.Equal(HttpStatusCode.Created, requested.Status);
        LoanId = requested.Data["loan"]!["id"]!.GetValue<long>();
        Assert.Equal(HttpStatusCode.OK, (await Admin.PostAsync($"/api/loans/{LoanId}/approve")).Status);

        Assert.Equal(HttpStatusCode.Created, (await FirstInvestor.PostAsync("/api/wallet/deposits", new { amount = FirstStake })).Status);
        Assert.Equal(HttpStatusCode.Created, (await SecondInvestor.PostAsync("/api/wallet/deposits", new { amount = 700m })).Status);
        var investments = await Task.WhenAll(
            FirstInvestor.PostAsync("/api/investments", new { loan_id = LoanId, amount = FirstStake }),
            SecondInvestor.PostAsync("/api/investments", new { loan_id = LoanId, amount = SecondStake }));
        Assert.All(investments, i => Assert.Equal(HttpStatusCode.Accepted, i.Status));
        Assert.All(investments, i => Assert.Equal("pending", i.Data["investment"]!["status"]!.GetValue<string>()));
        FirstInvestment = investments[0].Data["investment"]!["id"]!.GetValue<long>();
        SecondInvestment = investments[1].Data["investment"]!["id"]!.GetValue<long>();

        await LoanEventuallyAsync(Borrower, LoanId, "fulfilled");
        await Eventually.ReturnsAsync(Borrower.BalanceAsync, b => b == 1000m, "the disbursement in the borrower's wallet");

        var refused = await Borrower.PostAsync($"/api/loans/{LoanId}/repay");
        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Equal("Insufficient funds: the balance is $1,000.00, the repayment due $1,100.00.", refused.Body["message"]!.GetValue<string>());
        Assert.Equal(1000m, await Borrower.BalanceAsync());

        Assert.Equal(HttpStatusCode.Created, (await Borrower.PostAsync("/api/wallet/deposits", new { amount = 100m })).Status);
        var repaid = await Borrower.PostAsync($"/api/loans/{LoanId}/repay");
        Assert.Equal(HttpStatusCode.Accepted, repaid.Status);
        Assert.Equal("loan_repayment", repaid.Data["transaction"]!["type"]!.GetValue<string>());
        Assert.Equal(RepaymentDue, repaid.Data["transaction"]!["amount"]!.GetValue<decimal>());
        Assert.Equal(HttpStatusCode.Conflict, (await Borrower.PostAsync($"/api/loans/{LoanId}/repay")).Status);

        await InvestmentEventuallyAsync(FirstInvestor, FirstInvestment, "closed");
        await InvestmentEventuallyAsync(SecondInvestor, SecondInvestment, "closed");
    }

    /// <summary>What everyone must see once the saga has settled, however often its events were delivered.</summary>
    public async Task AssertSettledAsync()
    {
        var loan = (await Borrower.GetAsync($"/api/loans/{LoanId}")).Data["loan"]!;
        Assert.Equal("repaid", loan["status"]!.GetValue<string>());
        Assert.Equal(1000m, loan["funded_amount"]!.GetValue<decimal>());
        Assert.Equal(0m, loan["remaining_amount"]!.GetValue<decimal>());
        Assert.Equal(2, loan["investor_count"]!.GetValue<int>());

        Assert.Equal(0m, await Borrower.BalanceAsync());
        Assert.Equal(FirstReturn, await FirstInvestor.BalanceAsync());
        Assert.Equal(SecondInvestorSpare + SecondReturn, await SecondInvestor.BalanceAsync());

        await AssertInvestmentAsync(FirstInvestor, FirstInvestment, FirstStake, FirstReturn);
        await AssertInvestmentAsync(SecondInvestor, SecondInvestment, SecondStake, SecondReturn);

        Assert.Equal(
            ["deposit", "investment", "investment_return"],
            await FirstInvestor.TransactionTypesAsync());
        Assert.Equal(
            ["loan_disbursement", "deposit", "loan_repayment"],
            await Borrower.TransactionTypesAsync());

        // Exactly these notifications, each once: the multiset of (type, related id) per person.
        await AssertNotificationsAsync(FirstInvestor,
            ("fund_added", null), ("investment_made", FirstInvestment), ("loan_fulfilled", LoanId), ("investment_return", FirstInvestment));
        await AssertNotificationsAsync(SecondInvestor,
            ("fund_added", null), ("investment_made", SecondInvestment), ("loan_fulfilled", LoanId), ("investment_return", SecondInvestment));
        await AssertNotificationsAsync(Borrower,
            ("loan_approved", LoanId), ("loan_funded", LoanId), ("loan_funded", LoanId), ("loan_fulfilled", LoanId), ("fund_added", null));
    }

    /// <summary>A borrower whose $1,000.00 loan one investor fulfilled, with exactly the repayment due in the wallet.</summary>
    public static async Task<(ApiClient Borrower, long LoanId)> FulfilledLoanAsync(HttpClient http)
    {
        var borrower = await ApiClient.RegisterAsync(http, "borrower");
        var investor = await ApiClient.RegisterAsync(http, "investor");
        var admin = await ApiClient.LogInAsync(http, TestHost.AdminEmail, TestHost.AdminPassword);
        var requested = await borrower.PostAsync("/api/loans", new { amount = 1000m, interest_rate = 10m, term_months = 12, purpose = "A delivery van" });
        var loanId = requested.Data["loan"]!["id"]!.GetValue<long>();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/loans/{loanId}/approve")).Status);
        await investor.DepositAsync(1000m);
        Assert.Equal(HttpStatusCode.Accepted, (await investor.PostAsync("/api/investments", new { loan_id = loanId, amount = 1000m })).Status);
        await LoanEventuallyAsync(borrower, loanId, "fulfilled");
        await Eventually.ReturnsAsync(borrower.BalanceAsync, b => b == 1000m, "the disbursement in the borrower's wallet");
        await borrower.DepositAsync(RepaymentDue - 1000m);
        return (borrower, loanId);
    }

    public static async Task<JsonNode> LoanEventuallyAsync(ApiClient viewer, long loanId, string status) =>
        await Eventually.ReturnsAsync(
            async () => (await viewer.GetAsync($"/api/loans/{loanId}")).Data["loan"]!,
            l => l["status"]!.GetValue<string>() == status, $"loan {loanId} {status}");

    public static async Task<JsonNode> InvestmentEventuallyAsync(ApiClient investor, long investmentId, string status) =>
        await Eventually.ReturnsAsync(
            async () => (await investor.GetAsync($"/api/investments/{investmentId}")).Data["investment"]!,
            i => i["status"]!.GetValue<string>() == status, $"investment {investmentId} {status}");

    private static async Task AssertInvestmentAsync(ApiClient investor, long id, decimal amount, decimal returned)
    {
        var investment = (await investor.GetAsync($"/api/investments/{id}")).Data["investment"]!;
        Assert.Equal("closed", investment["status"]!.GetValue<string>());
        Assert.Equal(amount, investment["amount"]!.GetValue<decimal>());
        Assert.Equal(returned, investment["expected_return"]!.GetValue<decimal>());
        Assert.Null(investment["rejection_reason"]);
    }

    // A deposit's related id is its transaction's, which the scenario does not track: null stands for "any".
    private static async Task AssertNotificationsAsync(ApiClient user, params (string Type, long? RelatedId)[] expected)
    {
        var served = (await user.NotificationsEventuallyAsync(expected.Length))
            .Select(n => (n!["notification_type"]!.GetValue<string>(),
                n["related_type"]!.GetValue<string>() == "transaction" ? (long?)null : n["related_id"]!.GetValue<long>()))
            .ToArray();
        Assert.Equal(Sorted(expected), Sorted(served));
    }

    private static string[] Sorted((string Type, long? RelatedId)[] notifications) =>
        notifications.Select(n => $"{n.Type}:{n.RelatedId}").Order().ToArray();
}
