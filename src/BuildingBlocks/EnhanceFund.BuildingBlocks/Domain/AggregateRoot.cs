namespace EnhanceFund.BuildingBlocks.Domain;

/// <summary>
/// A consistency boundary that records what happened to it. The events leave the aggregate only through
/// the outbox, in the same transaction as the state they describe.
/// </summary>
public abstract class AggregateRoot
{
    private readonly List<IDomainEvent> _domainEvents = [];

    public IReadOnlyList<IDomainEvent> DomainEvents => _domainEvents;

    protected void Raise(IDomainEvent domainEvent) => _domainEvents.Add(domainEvent);

    public void ClearDomainEvents() => _domainEvents.Clear();
}
