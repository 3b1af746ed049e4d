namespace EnhanceFund.Benchmarks;

/// <summary>
/// The CPU time used so far by every process (or kernel thread) on this machine whose name starts with a given
/// prefix, from /proc: PostgreSQL's processes (postmaster, backends, background workers), Redis (the benchmark's
/// servers are the only ones running), or the kernel's memory monitor. Processes that exit between two readings take their
/// time with them, which the connection pool makes rare.
/// </summary>
internal static class ProcessCpu
{
    public static TimeSpan Postgres() => Named("postgres");

    public static TimeSpan Redis() => Named("redis-server");

    /// <summary>
    /// DAMON's monitoring threads. This machine's kernel runs one (proactive reclaim over physical memory, sampling every
    /// half second): it takes a core for tens of milliseconds about every 0.6 s, more the more memory is mapped, and
    /// latencies spike with the same period (docs/BENCHMARKS.md, "The Host in its own process").
    /// </summary>
    public static TimeSpan KernelMemoryMonitor() => Named("kdamond");

    private static TimeSpan Named(string prefix)
    {
        long ticks = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                // "pid (comm) state ppid ...": utime and stime are the 14th and 15th fields, counted from the pid.
                var close = stat.LastIndexOf(')');
                if (!stat.AsSpan(stat.IndexOf('(') + 1).StartsWith(prefix)) continue;
                var fields = stat[(close + 2)..].Split(' ');
                ticks += long.Parse(fields[11]) + long.Parse(fields[12]);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
            {
                // A process that ended while we read it, or a /proc entry that is not a process.
            }
        }

        // Linux counts these in clock ticks of 1/100 s (USER_HZ).
        return TimeSpan.FromMilliseconds(ticks * 10);
    }
}
