namespace EnhanceFund.Benchmarks;

/// <summary>
/// The garbage collections of this process (the Host and the client) over a span of the run, how long they paused
/// it, and what was allocated: a latency that rises more than the CPU explains may be the collector's.
/// </summary>
internal sealed record GcPauses(int Gen0, int Gen1, int Gen2, TimeSpan Paused, long Allocated)
{
    public const string Header = "collections gen0 / gen1 / gen2 | paused in all | share of the run | allocated per deposit";

    public static GcPauses Now() =>
        new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes());

    /// <summary>What happened between <paramref name="before"/> and now, over a run of <paramref name="elapsed"/>.</summary>
    public static string Since(GcPauses before, TimeSpan elapsed, int deposits)
    {
        var now = Now();
        var paused = now.Paused - before.Paused;
        return $"{now.Gen0 - before.Gen0} / {now.Gen1 - before.Gen1} / {now.Gen2 - before.Gen2} | " +
               $"{paused.TotalMilliseconds:F0} ms | {paused / elapsed:P1} | {(now.Allocated - before.Allocated) / 1024.0 / Math.Max(1, deposits):F0} KB";
    }
}
