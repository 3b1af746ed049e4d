using Npgsql;

namespace EnhanceFund.Benchmarks;

/// <summary>Whether the PostgreSQL measured flushes each commit to disk, as deployed: its figures depend on it.</summary>
internal static class PostgresDurability
{
    public static async Task<string> DescribeAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var show = new NpgsqlCommand(
            "SELECT current_setting('fsync'), current_setting('synchronous_commit'), current_setting('full_page_writes')", connection);
        await using var row = await show.ExecuteReaderAsync();
        await row.ReadAsync();
        var (fsync, synchronousCommit, fullPageWrites) = (row.GetString(0), row.GetString(1), row.GetString(2));
        var durable = fsync == "on" && synchronousCommit != "off" && fullPageWrites == "on";
        return $"PostgreSQL {(durable ? "durable, as deployed" : "WITHOUT durability (--unsafe-postgres)")}: fsync {fsync}, synchronous_commit {synchronousCommit}, full_page_writes {fullPageWrites}";
    }
}
