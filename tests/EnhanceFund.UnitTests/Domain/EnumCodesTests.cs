using EnhanceFund.BuildingBlocks.Domain;

namespace EnhanceFund.UnitTests.Domain;

public sealed class EnumCodesTests
{
    private enum Colour
    {
        Red,
        Green,
    }

    [Fact]
    public void Codes_map_both_ways_and_an_unknown_code_is_not_found()
    {
        var codes = new EnumCodes<Colour>(new() { [Colour.Red] = "red", [Colour.Green] = "green" });
        Assert.Equal("green", codes.Code(Colour.Green));
        Assert.Equal(Colour.Red, codes.Parse("red"));
        Assert.Null(codes.Find("blue"));
        Assert.Equal(["red", "green"], codes.All);
    }

    [Fact]
    public void A_member_without_a_code_fails_at_once() =>
        Assert.Contains("Green",
            Assert.Throws<InvalidOperationException>(() => new EnumCodes<Colour>(new() { [Colour.Red] = "red" })).Message);
}
