using System.Collections.Concurrent;
using EnhanceFund.BuildingBlocks.Messaging;
using EnhanceFund.Wallet.Contracts;
using MediatR;

namespace EnhanceFund.IntegrationTests.Infrastructure;

/// <summary>Every delivery of a FundsAdded event, across every Host of a test, counted by event id.</summary>
public sealed class DeliveryLog
{
    public ConcurrentDictionary<Guid, int> Deliveries { get; } = new();

    public int Record(Guid eventId) => Deliveries.AddOrUpdate(eventId, 1, (_, n) => n + 1);
}

/// <summary>An extra consumer of FundsAdded that only records that a relay delivered the event to it.</summary>
public sealed class RecordingConsumer(DeliveryLog log) : INotificationHandler<EventBatch<FundsAdded>>
{
    public Task Handle(EventBatch<FundsAdded> batch, CancellationToken cancellationToken)
    {
        foreach (var e in batch.Events) log.Record(e.EventId);
        return Task.CompletedTask;
    }
}
