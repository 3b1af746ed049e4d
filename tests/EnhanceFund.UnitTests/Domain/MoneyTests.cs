using EnhanceFund.BuildingBlocks.Domain;

namespace EnhanceFund.UnitTests.Domain;

public sealed class MoneyTests
{
    [Theory]
    [InlineData("0", "$0.00")]
    [InlineData("5", "$5.00")]
    [InlineData("1234.5", "$1,234.50")]
    [InlineData("1000000", "$1,000,000.00")]
    [InlineData("0.01", "$0.01")]
    public void Money_reads_as_dollars_with_thousands_separators_and_cents(string amount, string expected) =>
        Assert.Equal(expected, Money.Of(decimal.Parse(amount)).ToString());

    [Fact]
    public void Money_always_carries_two_decimal_places()
    {
        Assert.Equal("100.00", Money.Of(100m).Amount.ToString());
        Assert.Equal("150.50", (Money.Of(100m) + Money.Of(50.5m)).Amount.ToString());
    }

    [Theory]
    [InlineData("-0.01")]
    [InlineData("1.005")]
    public void Money_refuses_negative_amounts_and_fractions_of_a_cent(string amount) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Money.Of(decimal.Parse(amount)));

    [Fact]
    public void Subtracting_more_than_there_is_cannot_produce_negative_money() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Money.Of(10m) - Money.Of(10.01m));

    [Theory]
    [InlineData("0.01", true)]
    [InlineData("1000000.00", true)]
    [InlineData("0", false)]
    [InlineData("-1", false)]
    [InlineData("1000000.01", false)]
    [InlineData("10.001", false)]
    public void A_transfer_is_more_than_zero_at_most_a_million_in_whole_cents(string amount, bool valid) =>
        Assert.Equal(valid, Money.IsValidTransfer(decimal.Parse(amount)));
}
