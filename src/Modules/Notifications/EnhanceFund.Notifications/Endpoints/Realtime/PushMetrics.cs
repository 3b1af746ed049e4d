using System.Diagnostics.Metrics;

namespace EnhanceFund.Notifications.Endpoints.Realtime;

/// <summary>What the live push did: pushes dropped mean clients that will only catch up from the API.</summary>
internal static class PushMetrics
{
    private static readonly Meter Meter = new("EnhanceFund.Notifications.Push");

    public static readonly Counter<long> Sent = Meter.CreateCounter<long>(
        "notifications.pushes.sent", unit: "{push}", description: "Publishes to a user through SignalR (and its backplane), a user's resync included; not the resyncs sent to each connection when the subscription returns.");

    public static readonly Counter<long> Dropped = Meter.CreateCounter<long>(
        "notifications.pushes.dropped", unit: "{push}", description: "Pushes not sent, by reason.");

    public static void Drop(string reason, long count = 1) =>
        Dropped.Add(count, new KeyValuePair<string, object?>("reason", reason));
}
