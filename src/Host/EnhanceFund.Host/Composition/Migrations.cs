using System.Reflection;
using EnhanceFund.BuildingBlocks.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace EnhanceFund.Host.Composition;

internal static class Migrations
{
    /// <summary>The advisory lock every instance takes around its migrations ("EnhFund" in ASCII): one key for the whole database.</summary>
    private const long MigrationLock = 0x456E6846756E64;


    /// <summary>
    /// Applies every module's migrations, one instance at a time. EF Core's own migration lock does not keep instances
    /// that start together apart here: on a fresh database two of them applied the same migration and the second
    /// failed its start (duplicate key in a module's __ef_migrations_history), as the cluster tests found. A session
    /// advisory lock held around all of it does; an instance that waited finds everything applied and moves on.
    /// </summary>
    public static async Task MigrateModuleDatabasesAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        await using var lockSession = new NpgsqlConnection(configuration.GetConnectionString("Postgres"));
        await lockSession.OpenAsync(cancellationToken);
        await ExecuteAsync(lockSession, "SELECT pg_advisory_lock($1)", cancellationToken);
        try
        {
            using var scope = services.CreateScope();
            foreach (var database in scope.ServiceProvider.GetServices<ModuleDatabase>())
            {
                // A restart finds everything applied: reading the history table then spares it what MigrateAsync costs
                // even with nothing to do (building the model and diffing it against the last snapshot: seconds of CPU
                // per module on a busy machine). That the models match their migrations is a test
                // (ModelMatchesMigrationsTests), where it belongs.
                if (await IsUpToDateAsync(lockSession, database, cancellationToken)) continue;
                var context = (DbContext)scope.ServiceProvider.GetRequiredService(database.ContextType);
                await context.Database.MigrateAsync(cancellationToken);
            }
        }
        finally
        {
            // Closing returns the session to the pool, which need not end it: unlock explicitly.
            await ExecuteAsync(lockSession, "SELECT pg_advisory_unlock($1)", CancellationToken.None);
        }
    }

    private static async Task<bool> IsUpToDateAsync(NpgsqlConnection session, ModuleDatabase database, CancellationToken cancellationToken)
    {
        var known = database.ContextType.Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<DbContextAttribute>()?.ContextType == database.ContextType)
            .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id)
            .OfType<string>()
            .ToList();

        var history = $"\"{database.Schema}\".\"{ModuleDatabase.HistoryTable}\"";
        await using var exists = new NpgsqlCommand("SELECT to_regclass($1) IS NOT NULL", session) { Parameters = { new() { Value = history } } };
        if (known.Count == 0 || !(bool)(await exists.ExecuteScalarAsync(cancellationToken))!) return false;

        await using var applied = new NpgsqlCommand($"SELECT count(*) FROM {history} WHERE migration_id = ANY($1)", session)
        {
            Parameters = { new() { Value = known.ToArray() } },
        };
        return Convert.ToInt32(await applied.ExecuteScalarAsync(cancellationToken)) == known.Count;
    }

    private static async Task ExecuteAsync(NpgsqlConnection session, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, session) { Parameters = { new NpgsqlParameter { Value = MigrationLock } } };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
