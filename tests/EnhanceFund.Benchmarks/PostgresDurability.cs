using EnhanceFund.IntegrationTests.Infrastructure;

namespace EnhanceFund.Benchmarks;

/// <summary>Whether the PostgreSQL measured flushes each commit to disk, as deployed: its figures depend on it.</summary>
internal static class PostgresDurability
{
    public static async Task<string> DescribeAsync(string database)
    {
        var ledger = new Ledger(database);
        Task<string> Setting(string name) => ledger.ValueAsync<string>($"SELECT current_setting('{name}')");
        var (fsync, synchronousCommit, fullPageWrites) = (await Setting("fsync"), await Setting("synchronous_commit"), await Setting("full_page_writes"));
        var durable = fsync == "on" && synchronousCommit != "off" && fullPageWrites == "on";
        return $"PostgreSQL {(durable ? "durable, as deployed" : "WITHOUT durability (--unsafe-postgres)")}: fsync {fsync}, synchronous_commit {synchronousCommit}, full_page_writes {fullPageWrites}";
    }
}
