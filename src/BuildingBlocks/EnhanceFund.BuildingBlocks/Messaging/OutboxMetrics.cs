using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace EnhanceFund.BuildingBlocks.Messaging;

/// <summary>
/// What an operator alerts on: how late events reach their consumers, how many wait, and how many were parked and need
/// a human. Made by this application's <see cref="IMeterFactory"/>, so each instance (each test Host) reports its own.
/// </summary>
public sealed class OutboxMetrics
{
    public const string MeterName = "EnhanceFund.Outbox";

    // From a few milliseconds (a woken relay) to minutes (retries with backoff): the 5 s alert threshold is a boundary.
    private static readonly double[] LagBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];

    private readonly Counter<long> _delivered;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _parked;
    private readonly Histogram<double> _lag;

    public OutboxMetrics(IMeterFactory meters, OutboxBacklog backlog)
    {
        var meter = meters.Create(MeterName);
        _delivered = meter.CreateCounter<long>(
            "outbox.messages.delivered", "{message}", "Outbox messages delivered to all their consumers.");
        _failed = meter.CreateCounter<long>(
            "outbox.messages.failed", "{message}", "Deliveries that failed and will be retried.");
        _parked = meter.CreateCounter<long>(
            "outbox.messages.parked", "{message}", "Messages parked after their last attempt failed: each needs a human.");
        _lag = meter.CreateHistogram(
            "outbox.lag", "s", "From an event's occurrence to its delivery to all its consumers.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LagBuckets });
        meter.CreateObservableGauge(
            "outbox.backlog.pending", () => backlog.Measure(b => b.Pending), "{message}",
            "Messages waiting to be delivered, as last counted (see Outbox:BacklogRefreshInterval).");
        meter.CreateObservableGauge(
            "outbox.backlog.parked", () => backlog.Measure(b => b.Parked), "{message}",
            "Parked messages waiting for an admin to requeue them, as last counted.");
    }

    public void Delivered(string module, string eventType, TimeSpan lag)
    {
        var tags = Tags(module, eventType);
        _delivered.Add(1, tags);
        _lag.Record(Math.Max(lag.TotalSeconds, 0), tags);
    }

    public void Failed(string module, string eventType) => _failed.Add(1, Tags(module, eventType));

    public void Parked(string module, string eventType) => _parked.Add(1, Tags(module, eventType));

    private static TagList Tags(string module, string eventType) => new()
    {
        { "module", module },
        { "event_type", eventType },
    };
}
