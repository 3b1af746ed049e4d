using System.Net;
using EnhanceFund.IntegrationTests.Infrastructure;

namespace EnhanceFund.IntegrationTests.Lending;

/// <summary>A borrower's repeated repay clicks, through two instances at once, with money enough for two repayments.</summary>
public sealed class RepaymentRaceTests(TwoHostsFixture fixture) : IClassFixture<TwoHostsFixture>
{
    [Fact]
    public async Task Repayments_of_one_loan_racing_on_two_instances_take_the_repayment_once()
    {
        var (borrower, loanId) = await LoanLifecycle.FulfilledLoanAsync(fixture.Http);
        // Twice what is due: only the loan's state, not the balance, can refuse the second.
        await borrower.DepositAsync(LoanLifecycle.RepaymentDue);

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            (i % 2 == 0 ? borrower : borrower.Via(fixture.Other.Http)).PostAsync($"/api/loans/{loanId}/repay")));

        Assert.Single(answers, a => a.Status == HttpStatusCode.Accepted);
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.Accepted), a => Assert.Equal(HttpStatusCode.Conflict, a.Status));
        Assert.Equal(LoanLifecycle.RepaymentDue, await borrower.BalanceAsync());
        Assert.Single(await borrower.TransactionTypesAsync(), type => type == "loan_repayment");
        await LoanLifecycle.LoanEventuallyAsync(borrower, loanId, "repaid");
        Assert.Equal(LoanLifecycle.RepaymentDue, await borrower.BalanceAsync());
    }
}
