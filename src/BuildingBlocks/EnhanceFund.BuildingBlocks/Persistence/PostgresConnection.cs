using Microsoft.Extensions.Configuration;
using Npgsql;

namespace EnhanceFund.BuildingBlocks.Persistence;

/// <summary>The PostgreSQL connection string every part of the Host uses (one pool), with this platform's defaults.</summary>
public static class PostgresConnection
{
    /// <summary>
    /// <c>ConnectionStrings:Postgres</c>, with three Npgsql settings of this platform's unless it sets them itself:
    /// <list type="bullet">
    /// <item>Nothing here keeps session state between uses of a pooled connection (locks are per transaction, settings
    /// per statement), so <c>No Reset On Close</c> spares PostgreSQL a DISCARD ALL before every reuse, and that lets
    /// the statements <c>Max Auto Prepare</c> prepares outlive it: PostgreSQL parses and plans each hot query once per
    /// connection. Together they cut PostgreSQL's CPU per request by about 40% (docs/ARCHITECTURE.md, "Performance:
    /// where the time goes").</item>
    /// <item><c>Maximum Pool Size</c> 16, not Npgsql's 100: a few busy backends do more than many cold ones (each
    /// with its own caches and prepared statements), requests past them wait in the pool rather than crowd
    /// PostgreSQL's cores, and three instances stay within PostgreSQL's default of 100 connections
    /// (docs/BENCHMARKS.md, "A smaller connection pool").</item>
    /// </list>
    /// </summary>
    public static string FromConfiguration(IConfiguration configuration)
    {
        var configured = configuration.GetConnectionString("Postgres")
            ?? throw new InvalidOperationException("ConnectionStrings:Postgres is not configured.");
        var builder = new NpgsqlConnectionStringBuilder(configured);
        // Npgsql names each setting given, however it was spelled, by its canonical keyword.
        var given = builder.Keys.Cast<string>().ToHashSet();
        if (!given.Contains("No Reset On Close")) builder.NoResetOnClose = true;
        if (!given.Contains("Max Auto Prepare")) builder.MaxAutoPrepare = 32;
        if (!given.Contains("Maximum Pool Size")) builder.MaxPoolSize = 16;
        return builder.ConnectionString;
    }
}
