namespace EnhanceFund.Benchmarks;

/// <summary>CPU time of the Host, of the benchmark's client and of PostgreSQL.</summary>
internal sealed record CpuTimes(TimeSpan Host, TimeSpan Client, TimeSpan Postgres)
{
    public static CpuTimes operator -(CpuTimes after, CpuTimes before) =>
        new(after.Host - before.Host, after.Client - before.Client, after.Postgres - before.Postgres);

    public static CpuTimes operator /(CpuTimes times, int deposits) =>
        new(times.Host / deposits, times.Client / deposits, times.Postgres / deposits);
}
