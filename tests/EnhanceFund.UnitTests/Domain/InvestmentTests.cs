using EnhanceFund.BuildingBlocks.Domain;
using EnhanceFund.Investments.Domain;

namespace EnhanceFund.UnitTests.Domain;

public sealed class InvestmentTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 15, 10, 30, 0, TimeSpan.Zero);

    private static Investment Pending() => Investment.Make(5, 7, 1, Money.Of(250m), Now);

    [Fact]
    public void An_investment_goes_pending_active_closed_and_says_so_at_each_step()
    {
        var investment = Pending();
        Assert.IsType<InvestmentRequestedDomainEvent>(Assert.Single(investment.DomainEvents));
        Assert.Null(investment.ExpectedReturn);

        investment.Activate(Money.Of(275m));
        Assert.Equal((InvestmentStatus.Active, Money.Of(275m)), (investment.Status, investment.ExpectedReturn!.Value));

        investment.Close(Money.Of(275.01m));
        Assert.Equal((InvestmentStatus.Closed, Money.Of(275.01m)), (investment.Status, investment.ExpectedReturn!.Value));
        Assert.Equal(
            [typeof(InvestmentRequestedDomainEvent), typeof(InvestmentMadeDomainEvent), typeof(InvestmentClosedDomainEvent)],
            investment.DomainEvents.Select(e => e.GetType()));
    }

    [Fact]
    public void A_rejected_investment_keeps_its_reason()
    {
        var investment = Pending();

        investment.Reject("exceeds_remaining");

        Assert.Equal((InvestmentStatus.Rejected, "exceeds_remaining"), (investment.Status, investment.RejectionReason));
        Assert.Equal("exceeds_remaining", Assert.IsType<InvestmentRejectedDomainEvent>(investment.DomainEvents[^1]).Reason);
    }

    [Fact]
    public void A_step_that_arrives_before_the_one_it_follows_throws_so_the_relay_retries_it_later()
    {
        Assert.Throws<InvalidOperationException>(() => Pending().Close(Money.Of(1m)));

        var rejected = Pending();
        rejected.Reject("insufficient_funds");
        Assert.Throws<InvalidOperationException>(() => rejected.Activate(Money.Of(1m)));

        var active = Pending();
        active.Activate(Money.Of(1m));
        Assert.Throws<InvalidOperationException>(() => active.Reject("loan_not_open"));
        Assert.Equal(InvestmentStatus.Active, active.Status);
    }
}
