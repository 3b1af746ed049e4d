using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace EnhanceFund.UnitTests.Notifications;

/// <summary>
/// Counts this process's pushes sent and dropped (all, and by reason), from the push's own meter. The meter is
/// the process's, so the classes that push run one at a time, in one collection.
/// </summary>
internal sealed class PushCounts : IDisposable
{
    public const string Collection = "Live pushes, counted";

    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, int> _droppedFor = new();
    private int _sent;
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
                if (tag is { Key: "reason", Value: string reason }) _droppedFor.AddOrUpdate(reason, (int)value, (_, n) => n + (int)value);
        });
        _listener.Start();
    }

    public int Sent => Volatile.Read(ref _sent);

    public int DroppedFor(string reason) => _droppedFor.GetValueOrDefault(reason);

    public int All => Volatile.Read(ref _all);

    public void Dispose() => _listener.Dispose();
}
