using EnhanceFund.BuildingBlocks.Domain;
using EnhanceFund.Loans.Domain;

namespace EnhanceFund.UnitTests.Domain;

public sealed class RepaymentTests
{
    [Theory]
    [InlineData(1000.00, 10.00, 12, 1100.00)]
    [InlineData(1000.00, 12.50, 6, 1062.50)]
    [InlineData(400.00, 7.50, 7, 417.50)]
    [InlineData(333.33, 10.00, 12, 366.66)]   // 366.663 rounds down
    [InlineData(666.67, 10.00, 12, 733.34)]   // 733.337 rounds up
    [InlineData(100.00, 1.00, 1, 100.08)]     // 100.0833...
    [InlineData(0.01, 100.00, 120, 0.11)]     // a cent at 100 % for ten years: 0.11 exactly
    [InlineData(10.00, 0.30, 5, 10.01)]       // 10.0125 is a half-cent: away from zero
    [InlineData(18.00, 1.00, 1, 18.02)]       // 18.015, a half-cent that a twelfth taken first would leave at 18.0149999...
    [InlineData(6.00, 1.00, 1, 6.01)]         // 6.005, the same
    [InlineData(60.00, 0.10, 1, 60.01)]       // 60.005, the same
    [InlineData(1000000.00, 100.00, 120, 11000000.00)]
    public void What_is_due_is_principal_plus_simple_interest_rounded_to_the_cent(
        decimal principal, decimal rate, int months, decimal due) =>
        Assert.Equal(Money.Of(due), Repayment.Due(Money.Of(principal), rate, months));

    [Fact]
    public void Three_equal_investors_share_a_hundred_dollars_with_the_odd_cent_going_to_the_lowest_id()
    {
        var shares = Repayment.Split(Money.Of(100m), [(3, Money.Of(10m)), (1, Money.Of(10m)), (2, Money.Of(10m))]);

        Assert.Equal(Money.Of(33.34m), shares[1]);
        Assert.Equal(Money.Of(33.33m), shares[2]);
        Assert.Equal(Money.Of(33.33m), shares[3]);
    }

    [Fact]
    public void The_leftover_cent_goes_to_the_share_that_lost_most_to_rounding()
    {
        // 1100 * 333.33/1000 = 366.663; 1100 * 666.67/1000 = 733.337: the second lost .007, the first .003.
        var shares = Repayment.Split(Money.Of(1100m), [(1, Money.Of(333.33m)), (2, Money.Of(666.67m))]);

        Assert.Equal((Money.Of(366.66m), Money.Of(733.34m)), (shares[1], shares[2]));
    }

    [Fact]
    public void A_single_investor_gets_everything()
    {
        var shares = Repayment.Split(Money.Of(1062.50m), [(9, Money.Of(1000m))]);

        Assert.Equal(Money.Of(1062.50m), Assert.Single(shares).Value);
    }

    [Fact]
    public void Shares_always_add_up_to_the_total_and_none_is_off_by_more_than_a_cent()
    {
        var random = new Random(20261125);
        for (var round = 0; round < 2_000; round++)
        {
            var investments = Enumerable.Range(1, random.Next(1, 12))
                .Select(id => ((long)id, Money.Of(random.Next(1, 5_000_00) / 100m)))
                .ToList();
            var total = Money.Of(random.Next(1, 9_000_000_00) / 100m);
            var invested = investments.Sum(i => i.Item2.Amount);

            var shares = Repayment.Split(total, investments);

            Assert.Equal(total.Amount, shares.Values.Sum(s => s.Amount));
            foreach (var (id, amount) in investments)
                Assert.True(Math.Abs(shares[id].Amount - total.Amount * amount.Amount / invested) < 0.01m, $"round {round}, investment {id}");
        }
    }

    [Fact]
    public void Splitting_among_nobody_is_a_bug_not_a_silent_loss() =>
        Assert.Throws<ArgumentException>(() => Repayment.Split(Money.Of(10m), []));
}
