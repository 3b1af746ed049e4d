namespace EnhanceFund.BuildingBlocks.Messaging;

/// <summary>
/// An integration event waiting to be relayed. Its id is the event's id, so a row relayed twice still
/// carries one identity for the consumers' inboxes.
/// </summary>
public sealed class OutboxMessage
{
    private OutboxMessage() { }

    public OutboxMessage(Guid id, string type, string payload, DateTimeOffset occurredAt, string? traceParent = null, string? traceState = null)
    {
        Id = id;
        Type = type;
        Payload = payload;
        OccurredAt = occurredAt;
        NextAttemptAt = occurredAt;
        TraceParent = traceParent;
        TraceState = traceState;
    }

    public Guid Id { get; private set; }

    public string Type { get; private set; } = "";

    public string Payload { get; private set; } = "";

    public DateTimeOffset OccurredAt { get; private set; }

    public int Attempts { get; internal set; }

    /// <summary>Orders the relay's claim. A message never tried is due at once; a retry when PostgreSQL's clock reaches this.</summary>
    public DateTimeOffset NextAttemptAt { get; private set; }

    /// <summary>
    /// Makes the messages of one save due in the order their events were raised. Those events often share a
    /// microsecond (a loan's last funding raises LoanFunded, then LoanFulfilled), which is all PostgreSQL keeps of a
    /// time, and rows with equal times come out of the relay's claim in any order; so each is due at least a
    /// microsecond after the one before it.
    /// </summary>
    internal static void DueInOrderRaised(IEnumerable<OutboxMessage> raised)
    {
        var previous = DateTimeOffset.MinValue;
        foreach (var message in raised)
        {
            var due = message.NextAttemptAt.AddTicks(-(message.NextAttemptAt.Ticks % TimeSpan.TicksPerMicrosecond));
            message.NextAttemptAt = due > previous ? due : previous.AddMicroseconds(1);
            previous = message.NextAttemptAt;
        }
    }

    public string? LastError { get; private set; }

    public DateTimeOffset? ProcessedAt { get; private set; }

    public DateTimeOffset? ParkedAt { get; private set; }

    /// <summary>
    /// The W3C <c>traceparent</c> (and <c>tracestate</c>) of the work that raised the event, if it was traced: its
    /// delivery and its consumers' transactions join that trace.
    /// </summary>
    public string? TraceParent { get; private set; }

    public string? TraceState { get; private set; }
}
