using System.Text.Json;
using EnhanceFund.BuildingBlocks.Web;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EnhanceFund.Host.Health;

/// <summary>/health/live: the process answers. /health/ready: PostgreSQL and (when configured) Redis answer too.</summary>
internal static class Health
{
    private const string Ready = "ready";

    public static void AddHealth(this WebApplicationBuilder builder)
    {
        var checks = builder.Services.AddHealthChecks()
            .AddCheck<PostgresHealthCheck>("postgres", tags: [Ready]);
        if (!string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString("Redis")))
        {
            builder.Services.AddSingleton<RedisHealthCheck>();
            checks.AddCheck<RedisHealthCheck>("redis", tags: [Ready]);
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
