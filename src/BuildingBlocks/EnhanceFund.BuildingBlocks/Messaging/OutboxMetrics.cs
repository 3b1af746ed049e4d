using System.Diagnostics.Metrics;

namespace EnhanceFund.BuildingBlocks.Messaging;

/// <summary>Counters an operator can watch (dotnet-counters, OpenTelemetry): parked messages need a human.</summary>
internal static class OutboxMetrics
{
    private static readonly Meter Meter = new("EnhanceFund.Outbox");

    public static readonly Counter<long> Delivered = Meter.CreateCounter<long>("outbox.messages.delivered");

    public static readonly Counter<long> Failed = Meter.CreateCounter<long>("outbox.messages.failed");

    public static readonly Counter<long> Parked = Meter.CreateCounter<long>("outbox.messages.parked");
}
