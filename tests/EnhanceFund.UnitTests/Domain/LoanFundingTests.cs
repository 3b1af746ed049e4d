using EnhanceFund.BuildingBlocks.Domain;
using EnhanceFund.Loans.Domain;

namespace EnhanceFund.UnitTests.Domain;

public sealed class LoanFundingTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 15, 10, 30, 0, TimeSpan.Zero);

    private static Loan OpenLoan(decimal amount = 1000m)
    {
        var loan = Loan.Request(1, 50, Money.Of(amount), 10m, 12, "Working capital", Now);
        Assert.True(loan.Approve().IsSuccess);
        loan.ClearDomainEvents();
        return loan;
    }

    [Fact]
    public void A_funding_within_what_remains_is_taken_and_counts_its_investor_once()
    {
        var loan = OpenLoan();

        var first = loan.Fund(11, 7, Money.Of(300m), new HashSet<long>(), Now);
        var second = loan.Fund(12, 7, Money.Of(200m), new HashSet<long> { 7 }, Now);

        Assert.Null(first.RejectionReason);
        Assert.Null(second.RejectionReason);
        Assert.Equal((Money.Of(500m), Money.Of(500m), 1, LoanStatus.Approved), (loan.FundedAmount, loan.RemainingAmount, loan.InvestorCount, loan.Status));
        var funded = loan.DomainEvents.OfType<LoanFundedDomainEvent>().ToList();
        Assert.Equal([330m, 220m], funded.Select(f => f.ExpectedReturn));
        Assert.Equal(500m, funded[^1].FundedAmount);
    }

    [Fact]
    public void The_funding_that_completes_the_amount_fulfils_the_loan_and_names_every_investor_once()
    {
        var loan = OpenLoan();
        loan.Fund(11, 7, Money.Of(400m), new HashSet<long>(), Now);
        loan.Fund(12, 8, Money.Of(400m), new HashSet<long> { 7 }, Now);

        loan.Fund(13, 7, Money.Of(200m), new HashSet<long> { 7, 8 }, Now);

        Assert.Equal((LoanStatus.Fulfilled, 2), (loan.Status, loan.InvestorCount));
        var fulfilled = Assert.Single(loan.DomainEvents.OfType<LoanFulfilledDomainEvent>());
        Assert.Equal([7L, 8L], fulfilled.InvestorIds);
        Assert.Equal((1000m, 1100m), (fulfilled.Amount, fulfilled.RepaymentDue));
    }

    [Fact]
    public void More_than_remains_is_refused_and_changes_nothing()
    {
        var loan = OpenLoan();
        loan.Fund(11, 7, Money.Of(900m), new HashSet<long>(), Now);
        loan.ClearDomainEvents();

        var refused = loan.Fund(12, 8, Money.Of(100.01m), new HashSet<long> { 7 }, Now);

        Assert.Equal("exceeds_remaining", refused.RejectionReason);
        Assert.Equal((Money.Of(900m), 1), (loan.FundedAmount, loan.InvestorCount));
        var rejected = Assert.IsType<LoanFundingRejectedDomainEvent>(Assert.Single(refused.DomainEvents));
        Assert.Equal((12L, 8L, 100.01m), (rejected.InvestmentId, rejected.InvestorId, rejected.Amount));
        Assert.Empty(loan.DomainEvents);
    }

    [Fact]
    public void A_loan_that_is_not_approved_refuses_with_loan_not_open_and_an_approved_one_short_of_room_with_exceeds_remaining()
    {
        var full = OpenLoan(100m);
        full.Fund(11, 7, Money.Of(100m), new HashSet<long>(), Now);
        var pending = Loan.Request(2, 50, Money.Of(100m), 10m, 12, "Not yet approved", Now);
        var open = OpenLoan(100m);
        open.Fund(14, 7, Money.Of(60m), new HashSet<long>(), Now);

        Assert.Equal("loan_not_open", full.Fund(12, 8, Money.Of(1m), new HashSet<long> { 7 }, Now).RejectionReason);
        Assert.Equal("loan_not_open", pending.Fund(13, 8, Money.Of(1m), new HashSet<long>(), Now).RejectionReason);
        Assert.Equal("exceeds_remaining", open.Fund(15, 8, Money.Of(40.01m), new HashSet<long> { 7 }, Now).RejectionReason);
    }

    [Fact]
    public void Repaying_splits_what_was_collected_over_the_fundings_and_only_a_fulfilled_loan_can_be_repaid()
    {
        var loan = OpenLoan();
        var fundings = new[]
        {
            loan.Fund(11, 7, Money.Of(333.33m), new HashSet<long>(), Now),
            loan.Fund(12, 8, Money.Of(666.67m), new HashSet<long> { 7 }, Now),
        };
        loan.ClearDomainEvents();

        loan.Repay(Money.Of(1100m), fundings);

        Assert.Equal(LoanStatus.Repaid, loan.Status);
        var repaid = Assert.IsType<LoanRepaidDomainEvent>(Assert.Single(loan.DomainEvents));
        Assert.Equal([(11L, 7L, 366.66m), (12L, 8L, 733.34m)], repaid.Shares.Select(s => (s.InvestmentId, s.InvestorId, s.Amount)));
        Assert.Throws<InvalidOperationException>(() => loan.Repay(Money.Of(1100m), fundings));
    }
}
