using System.Text.Json.Nodes;
using EnhanceFund.IntegrationTests.Infrastructure;

namespace EnhanceFund.IntegrationTests.Lending;

public sealed class LoanLifecycleTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task A_loan_is_requested_approved_funded_by_two_investors_and_repaid_and_everyone_hears_exactly_their_part()
    {
        var life = await LoanLifecycle.CastAsync(fixture.Http);
        await using var borrowerLive = await LiveClient.ConnectAsync(fixture.Host.Address, life.Borrower.Token);
        await using var firstLive = await LiveClient.ConnectAsync(fixture.Host.Address, life.FirstInvestor.Token);
        await using var secondLive = await LiveClient.ConnectAsync(fixture.Host.Address, life.SecondInvestor.Token);

        await life.PlayAsync();
        await life.AssertSettledAsync();

        await AssertPushedEqualsServedAsync(life.Borrower, borrowerLive, 5);
        await AssertPushedEqualsServedAsync(life.FirstInvestor, firstLive, 4);
        await AssertPushedEqualsServedAsync(life.SecondInvestor, secondLive, 4);

        var borrowerHeard = await life.Borrower.NotificationsAsync();
        Assert.Equal(
            $"Your loan #{life.LoanId} is fully funded: $1,000.00 is being credited to your wallet. Repayment due: $1,100.00.",
            Message(borrowerHeard, "loan_fulfilled"));
        var firstHeard = await life.FirstInvestor.NotificationsAsync();
        Assert.Equal(
            $"Your investment of $333.33 in loan #{life.LoanId} is active. Expected return: $366.66.",
            Message(firstHeard, "investment_made"));
        Assert.Equal(
            $"Loan #{life.LoanId} was repaid: $366.66 has been credited to your wallet for your investment of $333.33.",
            Message(firstHeard, "investment_return"));
        Assert.Equal(
            $"Loan #{life.LoanId} was repaid: $733.34 has been credited to your wallet for your investment of $666.67.",
            Message(await life.SecondInvestor.NotificationsAsync(), "investment_return"));
    }

    [Fact]
    public async Task A_loans_events_are_claimed_in_the_order_they_were_raised()
    {
        var life = await LoanLifecycle.CastAsync(fixture.Http);

        await life.PlayAsync();
        await life.AssertSettledAsync();

        // The last funding raises LoanFunded, then LoanFulfilled, in one save: often in one microsecond.
        var (types, tied) = await new Ledger(fixture.Database).LoanEventsInClaimOrderAsync(life.LoanId);
        Assert.False(tied, $"two of the loan's events are due at the same time: {string.Join(", ", types)}");
        Assert.Equal(
            ["loans.loan_requested", "loans.loan_approved", "loans.loan_funded", "loans.loan_funded", "loans.loan_fulfilled", "loans.loan_repaid"],
            types);
    }

    private static string Message(JsonArray notifications, string type) =>
        notifications.Single(n => n!["notification_type"]!.GetValue<string>() == type)!["message"]!.GetValue<string>();

    /// <summary>Every push arrived, once, and is the very object REST serves.</summary>
    private static async Task AssertPushedEqualsServedAsync(ApiClient user, LiveClient live, int count)
    {
        var pushed = await live.NotificationsEventuallyAsync(count);
        var served = await user.NotificationsAsync();
        Assert.Equal(count, pushed.Length);
        Assert.Equal(count, served.Count);
        foreach (var push in pushed)
        {
            var match = served.Single(n => n!["id"]!.GetValue<long>() == push.GetProperty("id").GetInt64())!;
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(push.GetRawText()), match), $"pushed {push} but REST serves {match}");
        }
    }
}
