namespace EnhanceFund.BuildingBlocks.Domain;

/// <summary>Something that happened inside an aggregate; its id becomes the outbox row's id.</summary>
public interface IDomainEvent
{
    Guid EventId { get; }
    DateTimeOffset OccurredAt { get; }
}

/// <summary>Base record that stamps a time-ordered id and the moment the fact happened.</summary>
public abstract record DomainEvent : IDomainEvent
{
    public Guid EventId { get; init; } = Guid.CreateVersion7();
    public DateTimeOffset OccurredAt { get; init; } = DateTimeOffset.UtcNow;
}
