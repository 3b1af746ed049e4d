using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace EnhanceFund.Benchmarks;

/// <summary>
/// What this process (the Host and the client) allocates, by type: the runtime reports one allocation in about
/// every 100 KB with its type, and the sampled amounts add up to the whole. Listening costs CPU of its own (the
/// latencies of a run with it are not comparable with those of one without), so it runs only with --allocations.
/// </summary>
internal sealed class AllocationsByType : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly ConcurrentDictionary<string, long> _bytes = new();
    private volatile bool _counting;

    public void Start()
    {
        _bytes.Clear();
        _counting = true;
    }

    /// <summary>Stops counting; the <paramref name="top"/> types, with the bytes allocated per deposit for each.</summary>
    public string Stop(int rate, int deposits, int top = 15)
    {
        _counting = false;
        var perDeposit = _bytes.OrderByDescending(p => p.Value).Take(top)
            .Select(p => $"  {p.Value / Math.Max(1, deposits),8:N0} B  {p.Key}");
        return $"{rate}/s: the {top} types this process allocated most, per deposit (sampled){Environment.NewLine}" +
               string.Join(Environment.NewLine, perDeposit);
    }

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, GcKeyword);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!_counting || e.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true) return;
        var type = e.Payload![e.PayloadNames!.IndexOf("TypeName")]?.ToString() ?? "?";
        var bytes = Convert.ToInt64(e.Payload[e.PayloadNames.IndexOf("AllocationAmount64")]);
        _bytes.AddOrUpdate(type, bytes, (_, sum) => sum + bytes);
    }
}
