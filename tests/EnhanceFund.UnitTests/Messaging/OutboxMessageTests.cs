using EnhanceFund.BuildingBlocks.Messaging;

namespace EnhanceFund.UnitTests.Messaging;

public sealed class OutboxMessageTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 15, 10, 30, 0, TimeSpan.Zero);

    private static readonly OutboxOptions Options = new()
    {
        MaxAttempts = 4,
        RetryBaseDelay = TimeSpan.FromSeconds(1),
        MaxRetryDelay = TimeSpan.FromSeconds(3),
    };

    [Fact]
    public void Failures_back_off_exponentially_up_to_the_cap_and_then_park_the_message()
    {
        var message = new OutboxMessage(Guid.CreateVersion7(), "wallet.funds_added", "{}", Now);

        Assert.False(message.RecordFailure("boom 1", Now, Options));
        Assert.Equal(Now.AddSeconds(1), message.NextAttemptAt);
        Assert.False(message.RecordFailure("boom 2", Now, Options));
        Assert.Equal(Now.AddSeconds(2), message.NextAttemptAt);
        Assert.False(message.RecordFailure("boom 3", Now, Options));
        Assert.Equal(Now.AddSeconds(3), message.NextAttemptAt);

        Assert.True(message.RecordFailure("boom 4", Now, Options));
        Assert.Equal(Now, message.ParkedAt);
        Assert.Equal(4, message.Attempts);
        Assert.Equal("boom 4", message.LastError);
        Assert.Null(message.ProcessedAt);
    }

    [Fact]
    public void A_long_error_is_kept_short()
    {
        var message = new OutboxMessage(Guid.CreateVersion7(), "t", "{}", Now);
        message.RecordFailure(new string('x', 10_000), Now, Options);
        Assert.Equal(2000, message.LastError!.Length);
    }
}
