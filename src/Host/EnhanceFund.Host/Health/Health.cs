using EnhanceFund.BuildingBlocks.Persistence;
using EnhanceFund.BuildingBlocks.Web;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace EnhanceFund.Host.Health;

/// <summary>
/// /health/live: the process answers. /health/ready: PostgreSQL answers; without it an instance can do nothing, so
/// it is unready. Redis only carries live pushes between instances: without it the instance still moves money and
/// serves notifications, so it stays ready (200) and reports Redis as <c>Degraded</c>.
/// </summary>
internal static class Health
{
    private const string Ready = "ready";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    public static void AddHealth(this WebApplicationBuilder builder)
    {
        var checks = builder.Services.AddHealthChecks()
            .AddNpgSql(PostgresConnection.FromConfiguration(builder.Configuration), name: "postgres", tags: [Ready], timeout: Timeout);
        if (!string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString("Redis")))
        {
            // The backplane's own connection: its state is what pushes see.
            checks.AddRedis(services => services.GetRequiredService<IConnectionMultiplexer>(),
                name: "redis", failureStatus: HealthStatus.Degraded, tags: [Ready], timeout: Timeout);
        }
    }

    public static void MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = WriteAsync });
    }

    private static Task WriteAsync(HttpContext context, HealthReport report) =>
        context.Response.WriteAsJsonAsync(
            new
            {
                status = report.Status.ToString(),
                checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
            },
            ApiJson.Default);
}
