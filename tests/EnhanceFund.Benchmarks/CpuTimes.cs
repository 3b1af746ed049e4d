namespace EnhanceFund.Benchmarks;

/// <summary>CPU time of the Host, of the benchmark's client, of PostgreSQL, of Redis and of the kernel's memory monitor.</summary>
internal sealed record CpuTimes(TimeSpan Host, TimeSpan Client, TimeSpan Postgres, TimeSpan Redis, TimeSpan KernelMemoryMonitor)
{
    public const string OthersHeader = "Redis's CPU per deposit | the kernel's memory monitor (kdamond): CPU per second of the run";

    public static CpuTimes operator -(CpuTimes after, CpuTimes before) => new(
        after.Host - before.Host, after.Client - before.Client, after.Postgres - before.Postgres,
        after.Redis - before.Redis, after.KernelMemoryMonitor - before.KernelMemoryMonitor);

    /// <summary>The Host's, client's and PostgreSQL's share of one deposit, as the benchmark's rows print it.</summary>
    public string PerDeposit(int deposits) =>
        $"{Us(Host / deposits)} / {Us(Client / deposits)} / {Us(Postgres / deposits)}";

    /// <summary>What else used the machine's cores over a run of <paramref name="elapsed"/>.</summary>
    public string Others(int deposits, TimeSpan elapsed) =>
        $"{Us(Redis / deposits)} | {KernelMemoryMonitor.TotalMilliseconds / elapsed.TotalSeconds:F0} ms";

    private static string Us(TimeSpan time) => $"{time.TotalMicroseconds:F0} us";
}
