using EnhanceFund.BuildingBlocks.Messaging;

namespace EnhanceFund.UnitTests.Messaging;

public sealed class DeliveryFailureTests
{
    private static readonly OutboxOptions Options = new()
    {
        MaxAttempts = 4,
        RetryBaseDelay = TimeSpan.FromSeconds(1),
        MaxRetryDelay = TimeSpan.FromSeconds(3),
    };

    [Fact]
    public void Failures_back_off_exponentially_up_to_the_cap_and_then_park_the_message()
    {
        var first = DeliveryFailure.After(0, "boom 1", Options);
        var second = DeliveryFailure.After(first.Attempts, "boom 2", Options);
        var third = DeliveryFailure.After(second.Attempts, "boom 3", Options);
        var fourth = DeliveryFailure.After(third.Attempts, "boom 4", Options);

        Assert.Equal([1, 2, 3, 4], new[] { first, second, third, fourth }.Select(f => f.Attempts));
        Assert.Equal([1, 2, 3], new[] { first, second, third }.Select(f => f.RetryAfter.TotalSeconds));
        Assert.All(new[] { first, second, third }, f => Assert.False(f.Parked));
        Assert.True(fourth.Parked);
        Assert.Equal("boom 4", fourth.Error);
    }

    [Fact]
    public void A_long_error_is_kept_short()
    {
        Assert.Equal(2000, DeliveryFailure.After(0, new string('x', 10_000), Options).Error.Length);
    }
}
