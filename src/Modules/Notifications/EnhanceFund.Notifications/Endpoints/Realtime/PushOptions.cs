using EnhanceFund.BuildingBlocks.Configuration;

namespace EnhanceFund.Notifications.Endpoints.Realtime;

/// <summary>The live push dispatcher's limits, bound from <c>Notifications:Push</c>.</summary>
public sealed class PushOptions
{
    public const string Section = "Notifications:Push";

    /// <summary>Users whose pushes are sent at the same time (one user's pushes always go one after another, in order).</summary>
    [Positive]
    public int Concurrency { get; set; } = 16;

    /// <summary>Notification and change pushes waiting to be sent; past this a push is dropped (and counted), never queued.</summary>
    [Positive]
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>How long one send may take before it counts as failed (the circuit breaker counts failures).</summary>
    [Positive]
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long pushes are dropped at once after the backplane kept failing, before one is tried again.</summary>
    [Positive]
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long stopping waits for the pushes still queued to go out.</summary>
    [Positive(OrZero = true)]
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(2);
}
