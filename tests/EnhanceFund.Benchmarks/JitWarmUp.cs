using System.Diagnostics;

namespace EnhanceFund.Benchmarks;

/// <summary>
/// Sends deposits until the Host's runtime has all but stopped compiling. Tiered compilation recompiles hot methods in the
/// background after start: here about 47,000 methods and 20 s of JIT time in the first 30 s under 100 deposits/s,
/// then a trickle of a few ms per second. A rate measured meanwhile pays for it (the first rate of a sweep came out
/// slower than the next, higher one, and with more CPU); a few seconds of warm-up were not enough.
/// </summary>
internal static class JitWarmUp
{
    private static readonly TimeSpan QuietFor = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan QuietJitPerSecond = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan Longest = TimeSpan.FromSeconds(120);

    /// <summary>
    /// Calls <paramref name="sendOneSecond"/> (a second of deposits) until the JIT has used under 10 ms per second for
    /// 3 s in a row (at most 120 s), as <paramref name="jitTime"/> (the Host's compilation time so far) tells; returns
    /// how long that took.
    /// </summary>
    public static async Task<TimeSpan> RunAsync(Func<Task> sendOneSecond, Func<Task<TimeSpan>> jitTime)
    {
        var started = Stopwatch.StartNew();
        var quietSince = started.Elapsed;
        while (started.Elapsed - quietSince < QuietFor && started.Elapsed < Longest)
        {
            var (jitBefore, before) = (await jitTime(), started.Elapsed);
            await sendOneSecond();
            var jitPerSecond = (await jitTime() - jitBefore) / (started.Elapsed - before).TotalSeconds;
            if (jitPerSecond >= QuietJitPerSecond) quietSince = started.Elapsed;
        }

        return started.Elapsed;
    }
}
