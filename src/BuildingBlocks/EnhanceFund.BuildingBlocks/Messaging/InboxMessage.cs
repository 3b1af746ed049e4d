namespace EnhanceFund.BuildingBlocks.Messaging;

/// <summary>Proof that one consumer has applied one event; its key makes a redelivery a no-op.</summary>
public sealed class InboxMessage(Guid eventId, string consumer, DateTimeOffset processedAt)
{
    public Guid EventId { get; private set; } = eventId;

    public string Consumer { get; private set; } = consumer;

    public DateTimeOffset ProcessedAt { get; private set; } = processedAt;
}
