namespace EnhanceFund.BuildingBlocks.Contracts;

/// <summary>
/// A fact one module publishes for others. <see cref="EventId"/> is fixed when the fact happens and
/// survives every redelivery, so consumers can recognise a message they have already handled.
/// </summary>
public interface IIntegrationEvent
{
    Guid EventId { get; }
    DateTimeOffset OccurredAt { get; }
}
