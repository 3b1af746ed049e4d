using Npgsql;

namespace EnhanceFund.Benchmarks;

/// <summary>
/// What PostgreSQL ran per deposit while a rate was measured (<c>--statements</c>; bench.sh then preloads
/// pg_stat_statements): every statement the platform sent, and each of the most frequent with its mean time. Each
/// statement is a round trip or part of one, the unit of cost on this machine (docs/ARCHITECTURE.md, Performance).
/// </summary>
internal sealed class StatementsPerDeposit(string database)
{
    public static async Task<StatementsPerDeposit> StartAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS pg_stat_statements", connection);
        await create.ExecuteNonQueryAsync();
        return new StatementsPerDeposit(database);
    }

    public async Task ResetAsync()
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var reset = new NpgsqlCommand("SELECT pg_stat_statements_reset()", connection);
        await reset.ExecuteNonQueryAsync();
    }

    /// <summary>Statements sent by clients (not those run inside functions and triggers) since the reset, per deposit.</summary>
    public async Task<string> DescribeAsync(int rate, int deposits)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT calls, total_exec_time / calls, left(regexp_replace(query, '\s+', ' ', 'g'), 90)
            FROM pg_stat_statements
            WHERE toplevel AND dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND query NOT LIKE '%pg_stat_statements%'
            ORDER BY calls DESC
            """, connection);
        var rows = new List<(long Calls, double MeanMs, string Query)>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) rows.Add((reader.GetInt64(0), reader.GetDouble(1), reader.GetString(2)));

        var perDeposit = (double)rows.Sum(r => r.Calls) / Math.Max(1, deposits);
        var lines = new List<string> { $"{rate}/s: {perDeposit:F2} statements per deposit ({deposits} deposits); the most frequent:" };
        lines.AddRange(rows.Take(12).Select(r => $"  {(double)r.Calls / Math.Max(1, deposits),5:F2} x {r.MeanMs,6:F3} ms  {r.Query}"));
        return string.Join(Environment.NewLine, lines);
    }
}
