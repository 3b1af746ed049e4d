using Npgsql;
using Testcontainers.PostgreSql;
using Testcontainers.Redis;

namespace EnhanceFund.IntegrationTests.Infrastructure;

/// <summary>
/// One PostgreSQL and one Redis for the whole run. Testcontainers starts them where a Docker engine
/// answers; elsewhere (this workplace has none) the servers that scripts/test.sh started on loopback are
/// used, named by ENHANCEFUND_TEST_POSTGRES and ENHANCEFUND_TEST_REDIS. The same tests run either way.
/// </summary>
public sealed class TestServers
{
    private static readonly Lazy<Task<TestServers>> Shared = new(StartAsync);

    private TestServers(string postgres, string redis) => (Postgres, Redis) = (postgres, redis);

    /// <summary>A connection string to the server's maintenance database; each test class creates its own database from it.</summary>
    public string Postgres { get; }

    public string Redis { get; }

    public static Task<TestServers> GetAsync() => Shared.Value;

    /// <summary>A fresh database; the Hosts of the tests use it with the platform's own pool size.</summary>
    public Task<string> CreateDatabaseAsync() => CreateDatabaseAsync(Postgres, "test");

    /// <summary>
    /// Creates a fresh database on <paramref name="server"/>; returns a connection string to it, with
    /// <paramref name="maxPoolSize"/> if given (else the Host applies its default).
    /// </summary>
    public static async Task<string> CreateDatabaseAsync(string server, string prefix, int? maxPoolSize = null)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
        var database = new NpgsqlConnectionStringBuilder(server) { Database = name };
        if (maxPoolSize is { } size) database.MaxPoolSize = size;
        return database.ConnectionString;
    }

    private static async Task<TestServers> StartAsync()
    {
        var provisioned = (Environment.GetEnvironmentVariable("ENHANCEFUND_TEST_POSTGRES"), Environment.GetEnvironmentVariable("ENHANCEFUND_TEST_REDIS"));
        try
        {
            var postgres = new PostgreSqlBuilder("postgres:15").Build();
            var redis = new RedisBuilder("redis:7").Build();
            await Task.WhenAll(postgres.StartAsync(), redis.StartAsync());
            return new TestServers(postgres.GetConnectionString(), redis.GetConnectionString());
        }
        catch (Exception ex) when (provisioned is ({ Length: > 0 }, { Length: > 0 }))
        {
            Console.WriteLine($"No Docker engine ({ex.GetType().Name}); using the servers scripts/test.sh started.");
            return new TestServers(provisioned.Item1!, provisioned.Item2!);
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException(
                "Integration tests need PostgreSQL and Redis: a Docker engine for Testcontainers, or run scripts/test.sh, " +
                "which starts both on loopback and sets ENHANCEFUND_TEST_POSTGRES and ENHANCEFUND_TEST_REDIS.", ex);
        }
    }
}
