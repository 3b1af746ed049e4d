using System.Data.Common;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace EnhanceFund.BuildingBlocks.Persistence;

/// <summary>The PostgreSQL connection string every part of the Host uses (one pool), with this platform's defaults.</summary>
public static class PostgresConnection
{
    /// <summary>
    /// <c>ConnectionStrings:Postgres</c>, with two Npgsql settings on unless it sets them itself. Nothing here keeps
    /// session state between uses of a pooled connection (locks are per transaction, settings per statement), so
    /// <c>No Reset On Close</c> spares PostgreSQL a DISCARD ALL before every reuse, and that lets the statements
    /// <c>Max Auto Prepare</c> prepares outlive it: PostgreSQL parses and plans each hot query once per connection.
    /// Together they cut PostgreSQL's CPU per request by about 40% (docs/ARCHITECTURE.md, "Where a request's time goes").
    /// </summary>
    public static string FromConfiguration(IConfiguration configuration)
    {
        var configured = configuration.GetConnectionString("Postgres")
            ?? throw new InvalidOperationException("ConnectionStrings:Postgres is not configured.");
        var builder = new NpgsqlConnectionStringBuilder(configured);
        var given = new DbConnectionStringBuilder { ConnectionString = configured }.Keys.Cast<string>()
            .Select(key => key.Replace(" ", "").ToLowerInvariant()).ToHashSet();
        if (!given.Contains("noresetonclose")) builder.NoResetOnClose = true;
        if (!given.Contains("maxautoprepare")) builder.MaxAutoPrepare = 32;
        return builder.ConnectionString;
    }
}
