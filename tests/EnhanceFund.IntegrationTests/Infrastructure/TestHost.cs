using EnhanceFund.BuildingBlocks.Persistence;
using EnhanceFund.Host;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace EnhanceFund.IntegrationTests.Infrastructure;

/// <summary>
/// The real Host, built by the same code as production, listening on a free Kestrel port of 127.0.0.1.
/// Several can share one database and one Redis, as instances behind a load balancer do.
/// </summary>
public sealed class TestHost : IAsyncDisposable
{
    public const string AdminEmail = "admin@enhancefund.test";
    public const string AdminPassword = "admin-password-for-tests";
    public const string SigningKey = "integration-tests-signing-key-of-enough-length-0123456789";

    /// <summary>
    /// Quartz 3 keeps its log provider in a process-wide static, bound to the first Host's LoggerFactory. With
    /// several Hosts in one test process, disposing one would break every other's scheduler, so all share this
    /// factory, which lives as long as the process (DI does not dispose an instance it was handed).
    /// </summary>
    private static readonly ILoggerFactory SharedLogging = LoggerFactory.Create(logging => logging
        .AddSimpleConsole()
        .SetMinimumLevel(LogLevel.Warning)
        .AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Critical)
        .AddFilter("Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware", LogLevel.Critical));

    private readonly WebApplication _app;

    /// <summary>The connection string the Host's pool is keyed by (with the platform's defaults added).</summary>
    private readonly string _postgresPool;

    private TestHost(WebApplication app, Uri address, string postgresPool)
    {
        _app = app;
        _postgresPool = postgresPool;
        Address = address;
        Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri Address { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>
    /// What a test or benchmark Host is configured with: its servers, its own SignalR channels, the test admin and
    /// signing key, a quick relay poll and retries, and rate limits out of the way.
    /// </summary>
    public static Dictionary<string, string> Settings(string postgres, string redis, string channelPrefix) => new()
    {
        ["environment"] = "Testing",
        ["ConnectionStrings:Postgres"] = postgres,
        ["ConnectionStrings:Redis"] = redis,
        ["SignalR:ChannelPrefix"] = channelPrefix,
        ["Jwt:SigningKey"] = SigningKey,
        ["Admin:Email"] = AdminEmail,
        ["Admin:Password"] = AdminPassword,
        ["Outbox:PollInterval"] = "00:00:00.200",
        ["Outbox:RetryBaseDelay"] = "00:00:00.100",
        ["Outbox:MaxRetryDelay"] = "00:00:00.400",
        // Every test user signs up from 127.0.0.1; RateLimitTests runs its own Host with a real limit.
        ["RateLimits:AuthRequestsPerMinute"] = "1000000",
        // Tests and benchmarks move money fast on purpose; RateLimitTests runs with a real limit.
        ["RateLimits:WritesPerUserPerMinute"] = "1000000",
    };

    public static async Task<TestHost> StartAsync(
        string postgres, string redis, string channelPrefix, Action<IServiceCollection>? services = null,
        IDictionary<string, string>? settings = null, int port = 0)
    {
        var configuration = Settings(postgres, redis, channelPrefix);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) configuration[key] = value;

        var args = configuration.Select(pair => $"--{pair.Key}={pair.Value}").ToArray();
        var app = EnhanceFundApp.Build(args, builder =>
        {
            builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
            builder.Services.AddSingleton(SharedLogging);
            services?.Invoke(builder.Services);
        });
        try
        {
            await app.PrepareDatabaseAsync();
            await app.StartAsync();
        }
        catch
        {
            // A Host refused at start-up (a test of its settings) lets go of what it had opened.
            await app.DisposeAsync();
            throw;
        }

        return new TestHost(app, new Uri(app.Urls.First()), PostgresConnection.FromConfiguration(app.Configuration));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        // Npgsql keeps a connection string's idle connections for minutes after its last user is gone; a test run
        // starts dozens of Hosts, and their leftovers would crowd out the live ones (53300: too many clients).
        using var pool = new NpgsqlConnection(_postgresPool);
        NpgsqlConnection.ClearPool(pool);
    }
}
