using System.Diagnostics;

namespace EnhanceFund.BuildingBlocks.Messaging;

/// <summary>
/// Carries a trace across the outbox: the writer stores the trace context of the work that raised an event with its
/// row, and the relay's delivery and each consumer's transaction start their spans from it. A span that serves events
/// of one trace is a child in that trace; one that serves events of several links to each instead, since a span has
/// one parent. With no listener (tracing off) no span is started at all.
/// </summary>
public static class OutboxTracing
{
    public const string SourceName = "EnhanceFund.Outbox";

    private static readonly ActivitySource Source = new(SourceName);

    /// <summary>Whether anything records spans: without, stored contexts are not even read.</summary>
    internal static bool IsTracing => Source.HasListeners();

    /// <summary>The current W3C trace context, to store with an outbox row; nulls when nothing is traced.</summary>
    internal static (string? Parent, string? State) CurrentContext() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? (current.Id, current.TraceStateString) : (null, null);

    /// <summary>The stored trace context of a row, or none.</summary>
    internal static ActivityContext ContextOf(OutboxMessage message) =>
        ActivityContext.TryParse(message.TraceParent, message.TraceState, isRemote: true, out var context) ? context : default;

    /// <summary>The relay's span for delivering a run of one event type from <paramref name="module"/>'s outbox.</summary>
    internal static Activity? StartDelivery(string module, string eventType, IEnumerable<ActivityContext> contexts, int count) =>
        Start($"{module} outbox deliver {eventType}", ActivityKind.Consumer, contexts, module, eventType, consumer: null, count);

    /// <summary>A consumer's span for one transaction over <paramref name="contexts"/>' events.</summary>
    internal static Activity? StartConsumer(
        string module, string consumer, string eventType, IEnumerable<ActivityContext> contexts, int count) =>
        Start($"{consumer} consume {eventType}", ActivityKind.Internal, contexts, module, eventType, consumer, count);

    private static Activity? Start(
        string name, ActivityKind kind, IEnumerable<ActivityContext> contexts, string module, string eventType, string? consumer, int count)
    {
        if (!IsTracing) return null;

        var traced = contexts.Where(c => c != default).Distinct().ToList();
        // One trace: its child, under the current span when that is in the trace already (a consumer under its delivery).
        // Several: linked to each, under whatever span is current.
        var parent = traced.Count == 1 && Activity.Current?.TraceId != traced[0].TraceId ? traced[0] : default;
        var links = traced.Count > 1 ? traced.Select(c => new ActivityLink(c)) : null;
        var activity = Source.StartActivity(name, kind, parent, links: links);
        if (activity is null) return null;

        activity.SetTag("messaging.system", "outbox");
        activity.SetTag("messaging.destination.name", eventType);
        activity.SetTag("messaging.batch.message_count", count);
        activity.SetTag("enhancefund.module", module);
        if (consumer is not null) activity.SetTag("messaging.consumer.group.name", consumer);
        return activity;
    }
}
