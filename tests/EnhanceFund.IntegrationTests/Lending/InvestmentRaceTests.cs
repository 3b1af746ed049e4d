using System.Net;
using EnhanceFund.IntegrationTests.Infrastructure;

namespace EnhanceFund.IntegrationTests.Lending;

/// <summary>Races through two instances, so two relays also race to run the saga's steps.</summary>
public sealed class InvestmentRaceTests(TwoHostsFixture fixture) : IClassFixture<TwoHostsFixture>
{
    [Fact]
    public async Task Investors_racing_for_the_last_remaining_amount_never_over_fund_a_loan_and_no_money_is_made_or_lost()
    {
        var ledger = new Ledger(fixture.Database);
        var admin = await ApiClient.LogInAsync(fixture.Http, TestHost.AdminEmail, TestHost.AdminPassword);
        // Three loans of $1,000.00, each with $600.00 taken, and three investors per loan putting in $400.00 at once.
        var rounds = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => RoundAsync(admin)));
        await Eventually.ReturnsAsync(ledger.UndeliveredAsync, n => n == 0, "a quiet outbox before the race");
        var before = await ledger.MoneyHeldAsync();

        var racing = rounds.SelectMany(r => r.Racers.Select(async (racer, i) =>
        {
            var via = i % 2 == 0 ? racer : racer.Via(fixture.Other.Http);
            var response = await via.PostAsync("/api/investments", new { loan_id = r.LoanId, amount = 400m });
            Assert.Equal(HttpStatusCode.Accepted, response.Status);
            return (Round: r, Racer: racer, Id: response.Data["investment"]!["id"]!.GetValue<long>());
        }));
        var raced = await Task.WhenAll(racing);
        var settled = await Task.WhenAll(raced.Select(async r =>
        {
            var investment = await Eventually.ReturnsAsync(
                async () => (await r.Racer.GetAsync($"/api/investments/{r.Id}")).Data["investment"]!,
                i => i["status"]!.GetValue<string>() != "pending", $"investment {r.Id} settled");
            return (r.Round, r.Racer, Status: investment["status"]!.GetValue<string>(), Reason: investment["rejection_reason"]?.GetValue<string>());
        }));

        foreach (var round in rounds)
        {
            var outcomes = settled.Where(s => s.Round == round).ToList();
            Assert.Single(outcomes, o => o.Status == "active");
            // The winner fulfils the loan, so every other racer finds it no longer open.
            Assert.All(outcomes.Where(o => o.Status != "active"), o => Assert.Equal(("rejected", "loan_not_open"), (o.Status, o.Reason)));
            var loan = (await admin.GetAsync($"/api/loans/{round.LoanId}")).Data["loan"]!;
            Assert.Equal(("fulfilled", 1000m, 2), (loan["status"]!.GetValue<string>(), loan["funded_amount"]!.GetValue<decimal>(), loan["investor_count"]!.GetValue<int>()));
        }

        await Eventually.ReturnsAsync(ledger.UndeliveredAsync, n => n == 0, "every refund and disbursement made");
        Assert.Equal(before, await ledger.MoneyHeldAsync());
        foreach (var (_, racer, status, _) in settled)
            Assert.Equal(status == "active" ? 0m : 400m, await racer.BalanceAsync());
    }

    [Fact]
    public async Task Investments_and_withdrawals_racing_for_one_balance_never_overdraw_it()
    {
        var admin = await ApiClient.LogInAsync(fixture.Http, TestHost.AdminEmail, TestHost.AdminPassword);
        var loanId = await OpenLoanAsync(admin, 10_000m);
        var investor = await ApiClient.RegisterAsync(fixture.Http, "investor");
        await investor.PostAsync("/api/wallet/deposits", new { amount = 500m });

        var withdrawals = Enumerable.Range(0, 3).Select(_ => investor.PostAsync("/api/wallet/withdrawals", new { amount = 300m }));
        var investments = Enumerable.Range(0, 3).Select(_ => investor.Via(fixture.Other.Http).PostAsync("/api/investments", new { loan_id = loanId, amount = 300m }));
        var answers = await Task.WhenAll(withdrawals.Concat(investments));

        var ids = answers.Where(a => a.Status == HttpStatusCode.Accepted).Select(a => a.Data["investment"]!["id"]!.GetValue<long>()).ToList();
        Assert.Equal(3, ids.Count);
        var statuses = await Task.WhenAll(ids.Select(async id =>
            (await Eventually.ReturnsAsync(
                async () => (await investor.GetAsync($"/api/investments/{id}")).Data["investment"]!,
                i => i["status"]!.GetValue<string>() != "pending", $"investment {id} settled"))["status"]!.GetValue<string>()));
        var withdrawn = answers.Count(a => a.Status == HttpStatusCode.Created);
        var invested = statuses.Count(s => s == "active");

        Assert.Equal(1, withdrawn + invested);
        Assert.Equal(200m, await investor.BalanceAsync());
    }

    private sealed record Round(long LoanId, ApiClient[] Racers);

    private async Task<Round> RoundAsync(ApiClient admin)
    {
        var loanId = await OpenLoanAsync(admin, 1000m);
        var first = await ApiClient.RegisterAsync(fixture.Http, "investor");
        await first.PostAsync("/api/wallet/deposits", new { amount = 600m });
        var seed = (await first.PostAsync("/api/investments", new { loan_id = loanId, amount = 600m })).Data["investment"]!["id"]!.GetValue<long>();
        await LoanLifecycle.InvestmentEventuallyAsync(first, seed, "active");

        var racers = await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
        {
            var racer = await ApiClient.RegisterAsync(fixture.Http, "investor");
            await racer.PostAsync("/api/wallet/deposits", new { amount = 400m });
            return racer;
        }));
        return new Round(loanId, racers);
    }

    private async Task<long> OpenLoanAsync(ApiClient admin, decimal amount)
    {
        var borrower = await ApiClient.RegisterAsync(fixture.Http, "borrower");
        var loanId = (await borrower.PostAsync("/api/loans", new { amount, interest_rate = 9m, term_months = 6, purpose = "Raced for" }))
            .Data["loan"]!["id"]!.GetValue<long>();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/loans/{loanId}/approve")).Status);
        return loanId;
    }
}
