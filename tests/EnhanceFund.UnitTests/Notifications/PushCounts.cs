using System.Diagnostics.Metrics;

namespace EnhanceFund.UnitTests.Notifications;

/// <summary>
/// Counts this process's pushes sent and dropped (all, and queue_full ones), from the push's own meter. The meter is
/// the process's, so the classes that push run one at a time, in one collection.
/// </summary>
internal sealed class PushCounts : IDisposable
{
    public const string Collection = "Live pushes, counted";

    private readonly MeterListener _listener = new();
    private int _sent;
    private int _queueFull;
    private int _all;

    public PushCounts()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Name is "notifications.pushes.sent" or "notifications.pushes.dropped") listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            if (instrument.Name == "notifications.pushes.sent")
            {
                Interlocked.Add(ref _sent, (int)value);
                return;
            }

            Interlocked.Add(ref _all, (int)value);
            foreach (var tag in tags)
                if (tag is { Key: "reason", Value: "queue_full" }) Interlocked.Add(ref _queueFull, (int)value);
        });
        _listener.Start();
    }

    public int Sent => Volatile.Read(ref _sent);

    public int QueueFull => Volatile.Read(ref _queueFull);

    public int All => Volatile.Read(ref _all);

    public void Dispose() => _listener.Dispose();
}
