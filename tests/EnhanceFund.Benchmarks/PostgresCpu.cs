namespace EnhanceFund.Benchmarks;

/// <summary>
/// The CPU time used so far by every PostgreSQL process on this machine (postmaster, backends, background workers),
/// from /proc: the benchmark's server is the only one running. Backends that exit between two readings take their
/// time with them, which the connection pool makes rare.
/// </summary>
internal static class PostgresCpu
{
    public static TimeSpan Total()
    {
        long ticks = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                // "pid (comm) state ppid ...": utime and stime are the 14th and 15th fields, counted from the pid.
                var close = stat.LastIndexOf(')');
                if (!stat.AsSpan(stat.IndexOf('(') + 1).StartsWith("postgres")) continue;
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
