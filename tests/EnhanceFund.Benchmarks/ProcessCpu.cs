using Npgsql;

namespace EnhanceFund.Benchmarks;

/// <summary>
/// CPU time used so far, from /proc, by the benchmark's own PostgreSQL (its postmaster and every process it started:
/// backends, background workers) and Redis, found by their process ids so that other servers on the machine (a test
/// run's, Debian's) do not count, and by the kernel's memory monitor. Processes that exit between two readings take
/// their time with them, which the connection pool makes rare.
/// </summary>
internal sealed class ProcessCpu(int postmaster, int? redis)
{
    /// <summary>The PostgreSQL server behind <paramref name="database"/>, and the Redis whose pid file is in <paramref name="redisDir"/>.</summary>
    public static async Task<ProcessCpu> FindAsync(string database, string? redisDir)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_backend_pid()", connection);
        var backend = (int)(await command.ExecuteScalarAsync())!;
        var postmaster = Stat(backend)?.ParentPid ?? throw new InvalidOperationException($"No /proc entry for PostgreSQL's backend {backend}.");
        var pidFile = redisDir is null ? null : Path.Combine(redisDir, "redis.pid");
        int? redis = pidFile is not null && File.Exists(pidFile) ? int.Parse(File.ReadAllText(pidFile).Trim()) : null;
        return new ProcessCpu(postmaster, redis);
    }

    public TimeSpan Postgres() => Sum(stat => stat.Pid == postmaster || stat.ParentPid == postmaster);

    /// <summary>Zero without a pid file (--redis-dir not given): then Redis's column reads 0.</summary>
    public TimeSpan Redis() => redis is { } pid ? Sum(stat => stat.Pid == pid) : TimeSpan.Zero;

    /// <summary>
    /// DAMON's monitoring threads. This machine's kernel runs one (proactive reclaim over physical memory, sampling every
    /// half second): it takes a core for tens of milliseconds about every 0.6 s, more the more memory is mapped, and
    /// latencies spike with the same period (docs/BENCHMARKS.md, "The Host in its own process").
    /// </summary>
    public static TimeSpan KernelMemoryMonitor() => Sum(stat => stat.Name.StartsWith("kdamond", StringComparison.Ordinal));

    private static TimeSpan Sum(Func<ProcStat, bool> counted)
    {
        long ticks = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && Stat(pid) is { } stat && counted(stat)) ticks += stat.Ticks;
        }

        // Linux counts these in clock ticks of 1/100 s (USER_HZ).
        return TimeSpan.FromMilliseconds(ticks * 10);
    }

    private static ProcStat? Stat(int pid)
    {
        try
        {
            // "pid (comm) state ppid ...": ppid is the 4th field, utime and stime the 14th and 15th, counted from the pid.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var close = stat.LastIndexOf(')');
            var name = stat[(stat.IndexOf('(') + 1)..close];
            var fields = stat[(close + 2)..].Split(' ');
            return new ProcStat(pid, int.Parse(fields[1]), name, long.Parse(fields[11]) + long.Parse(fields[12]));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            // A process that ended while we read it.
            return null;
        }
    }

    private sealed record ProcStat(int Pid, int ParentPid, string Name, long Ticks);
}
