using System.Collections.Concurrent;
using EnhanceFund.BuildingBlocks.Messaging;
using EnhanceFund.Wallet.Contracts;
using MediatR;

namespace EnhanceFund.IntegrationTests.Infrastructure;

/// <summary>
/// A test's hand on the relay: records the size of every FundsAdded batch delivered, and runs the actions queued for
/// the next batches (hold the relay until released, break its connection), one action per batch.
/// </summary>
public sealed class BatchGate
{
    private readonly ConcurrentQueue<Func<EventBatch<FundsAdded>, Task>> _next = new();

    public ConcurrentQueue<int> BatchSizes { get; } = new();

    public void Then(Func<EventBatch<FundsAdded>, Task> action) => _next.Enqueue(action);

    /// <summary>Holds the next batch's delivery (and so the relay) until the returned release is called.</summary>
    public (Task Held, Action Release) HoldNextBatch()
    {
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Then(async _ =>
        {
            held.SetResult();
            // Bounded, so a failing test cannot hold the relay for ever.
            await released.Task.WaitAsync(TimeSpan.FromSeconds(30));
        });
        return (held.Task, () => released.TrySetResult());
    }

    internal async Task PassAsync(EventBatch<FundsAdded> batch)
    {
        BatchSizes.Enqueue(batch.Events.Count);
        if (_next.TryDequeue(out var action)) await action(batch);
    }
}

public sealed class GateConsumer(BatchGate gate) : INotificationHandler<EventBatch<FundsAdded>>
{
    public Task Handle(EventBatch<FundsAdded> batch, CancellationToken cancellationToken) => gate.PassAsync(batch);
}
