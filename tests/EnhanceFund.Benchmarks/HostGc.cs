using EnhanceFund.IntegrationTests.Infrastructure;

namespace EnhanceFund.Benchmarks;

/// <summary>
/// The Host's garbage collections over a span of the run, how long they paused it, and what it allocated, as its
/// <c>/metrics</c> reports them (the runtime's own meter): a latency that rises more than the CPU explains may be the
/// collector's.
/// </summary>
internal sealed record HostGc(double Gen0, double Gen1, double Gen2, double PausedSeconds, double Allocated)
{
    public const string Header = "collections gen0 / gen1 / gen2 | paused in all | share of the run | allocated per deposit";

    /// <summary>One scrape of the Host's <c>/metrics</c>, so every figure is of the same moment.</summary>
    public static async Task<HostGc> ReadAsync(HttpClient host)
    {
        var exposition = await PrometheusScrape.ReadAsync(host);
        double Value(string metric, params (string, string)[] labels) =>
            PrometheusScrape.ValueIn(exposition, metric, labels) ?? throw new InvalidOperationException($"The Host's /metrics has no {metric}.");

        return new HostGc(
            Value("dotnet_gc_collections_total", ("gc_heap_generation", "gen0")),
            Value("dotnet_gc_collections_total", ("gc_heap_generation", "gen1")),
            Value("dotnet_gc_collections_total", ("gc_heap_generation", "gen2")),
            Value("dotnet_gc_pause_time_seconds_total"),
            Value("dotnet_gc_heap_total_allocated_bytes_total"));
    }

    /// <summary>The JIT's compilation time so far, for the warm-up.</summary>
    public static async Task<TimeSpan> JitTimeAsync(HttpClient host) =>
        TimeSpan.FromSeconds(await PrometheusScrape.ValueAsync(host, "dotnet_jit_compilation_time_seconds_total")
            ?? throw new InvalidOperationException("The Host's /metrics has no dotnet_jit_compilation_time_seconds_total."));

    /// <summary>What happened between <paramref name="before"/> and <paramref name="after"/>, over a run of <paramref name="elapsed"/>.</summary>
    public static string Between(HostGc before, HostGc after, TimeSpan elapsed, int deposits)
    {
        var paused = TimeSpan.FromSeconds(after.PausedSeconds - before.PausedSeconds);
        return $"{after.Gen0 - before.Gen0} / {after.Gen1 - before.Gen1} / {after.Gen2 - before.Gen2} | " +
               $"{paused.TotalMilliseconds:F0} ms | {paused / elapsed:P1} | {(after.Allocated - before.Allocated) / 1024.0 / Math.Max(1, deposits):F0} KB";
    }
}
