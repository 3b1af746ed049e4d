using EnhanceFund.BuildingBlocks.Messaging;

namespace EnhanceFund.UnitTests.Messaging;

/// <summary>The relay claims by due time, which PostgreSQL keeps to the microsecond: one save's events must not tie.</summary>
public sealed class OutboxMessageOrderTests
{
    private static readonly DateTimeOffset Instant = new(2026, 12, 4, 14, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Events_raised_in_one_microsecond_are_due_a_microsecond_apart_in_the_order_they_were_raised()
    {
        var times = new[] { Instant.AddTicks(3), Instant.AddTicks(7), Instant.AddTicks(5) };

        var due = InOneSave(times);

        Assert.Equal([Instant, Instant.AddMicroseconds(1), Instant.AddMicroseconds(2)], due);
    }

    [Fact]
    public void Events_raised_in_different_microseconds_keep_their_times_to_the_microsecond()
    {
        var times = new[] { Instant.AddTicks(12), Instant.AddMicroseconds(5).AddTicks(4) };

        var due = InOneSave(times);

        Assert.Equal([Instant.AddMicroseconds(1), Instant.AddMicroseconds(5)], due);
    }

    [Fact]
    public void An_event_stamped_earlier_than_the_one_raised_before_it_still_comes_after_it()
    {
        var times = new[] { Instant.AddMicroseconds(10), Instant };

        var due = InOneSave(times);

        Assert.Equal([Instant.AddMicroseconds(10), Instant.AddMicroseconds(11)], due);
    }

    private static DateTimeOffset[] InOneSave(IEnumerable<DateTimeOffset> raisedAt)
    {
        var messages = raisedAt.Select(at => new OutboxMessage(Guid.NewGuid(), "test.event", "{}", at)).ToList();
        OutboxMessage.DueInOrderRaised(messages);
        return messages.Select(m => m.NextAttemptAt).ToArray();
    }
}
