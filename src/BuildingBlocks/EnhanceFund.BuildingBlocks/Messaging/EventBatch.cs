using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using EnhanceFund.BuildingBlocks.Contracts;
using MediatR;

namespace EnhanceFund.BuildingBlocks.Messaging;

/// <summary>
/// Consecutive outbox messages of one event type, as the relay publishes them: a consumer gets the whole run at
/// once, so it can apply many events in one transaction. A consumer that fails only some of them throws
/// <see cref="EventsFailedException"/> naming those; any other exception fails the whole batch. Events raised by
/// traced work carry that trace's context (see <see cref="OutboxTracing"/>).
/// </summary>
public sealed class EventBatch<TEvent>(IReadOnlyList<TEvent> events, IReadOnlyDictionary<Guid, ActivityContext>? traceContexts = null)
    : IEventBatch
    where TEvent : IIntegrationEvent
{
    public IReadOnlyList<TEvent> Events => events;

    /// <summary>The trace context of the work that raised the event, or none.</summary>
    public ActivityContext TraceContextOf(TEvent e) => traceContexts?.GetValueOrDefault(e.EventId) ?? default;

    IEnumerable<IIntegrationEvent> IEventBatch.Events => events.Cast<IIntegrationEvent>();

    /// <summary>
    /// Applies <paramref name="apply"/> to each event in order, every one getting its turn; throws
    /// <see cref="EventsFailedException"/> naming the events that failed, if any did.
    /// </summary>
    [SuppressMessage("Design", "CA1000", Justification = "Called as EventBatch<TEvent>.ForEachAsync where TEvent is known.")]
    public static async Task ForEachAsync(IEnumerable<TEvent> events, Func<TEvent, Task> apply)
    {
        Dictionary<Guid, Exception>? failures = null;
        foreach (var e in events)
        {
            try
            {
                await apply(e);
            }
            catch (Exception ex)
            {
                (failures ??= [])[e.EventId] = ex;
            }
        }

        if (failures is not null) throw new EventsFailedException(failures);
    }
}

/// <summary>What the relay needs of any <see cref="EventBatch{TEvent}"/>, whatever its event type.</summary>
public interface IEventBatch : INotification
{
    IEnumerable<IIntegrationEvent> Events { get; }

    /// <summary>A batch of <paramref name="events"/>, all of the runtime type <paramref name="eventType"/>.</summary>
    static IEventBatch Of(
        Type eventType, IReadOnlyList<IIntegrationEvent> events, IReadOnlyDictionary<Guid, ActivityContext>? traceContexts)
    {
        var typed = Array.CreateInstance(eventType, events.Count);
        for (var i = 0; i < events.Count; i++) typed.SetValue(events[i], i);
        return (IEventBatch)Activator.CreateInstance(typeof(EventBatch<>).MakeGenericType(eventType), typed, traceContexts)!;
    }
}

/// <summary>Some events of a batch failed (keyed by event id); the others were applied.</summary>
public sealed class EventsFailedException(IReadOnlyDictionary<Guid, Exception> failures)
    : Exception($"{failures.Count} event(s) of the batch failed: {string.Join("; ", failures.Values.Select(e => e.Message).Distinct())}")
{
    public IReadOnlyDictionary<Guid, Exception> Failures => failures;
}
