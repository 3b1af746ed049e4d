namespace EnhanceFund.BuildingBlocks.Messaging;

/// <summary>
/// An integration event waiting to be relayed. Its id is the event's id, so a row relayed twice still
/// carries one identity for the consumers' inboxes.
/// </summary>
public sealed class OutboxMessage
{
    private OutboxMessage() { }

    public OutboxMessage(Guid id, string type, string payload, DateTimeOffset occurredAt)
    {
        Id = id;
        Type = type;
        Payload = payload;
        OccurredAt = occurredAt;
        NextAttemptAt = occurredAt;
    }

    public Guid Id { get; private set; }

    public string Type { get; private set; } = "";

    public string Payload { get; private set; } = "";

    public DateTimeOffset OccurredAt { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    public string? LastError { get; private set; }

    public DateTimeOffset? ProcessedAt { get; private set; }

    public DateTimeOffset? ParkedAt { get; private set; }

    public void MarkProcessed(DateTimeOffset now) => ProcessedAt = now;

    /// <summary>Records a failed delivery; returns true when the message is parked and will not be tried again.</summary>
    public bool RecordFailure(string error, DateTimeOffset now, OutboxOptions options)
    {
        Attempts++;
        LastError = error.Length > 2000 ? error[..2000] : error;
        if (Attempts >= options.MaxAttempts)
        {
            ParkedAt = now;
            return true;
        }

        NextAttemptAt = now + options.BackoffAfter(Attempts);
        return false;
    }
}
