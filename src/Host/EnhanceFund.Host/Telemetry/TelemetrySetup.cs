using System.Diagnostics.Metrics;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace EnhanceFund.Host.Telemetry;

/// <summary>
/// OpenTelemetry for the whole Host: metrics always (served at <c>/metrics</c> where enabled), traces when someone
/// receives them, and OTLP export of both (and of the logs) when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; every
/// other standard <c>OTEL_*</c> variable (service name, sampler, headers, protocol) works as the SDK documents.
/// </summary>
internal static class TelemetrySetup
{
    /// <summary>Every meter and activity source of the application's own: the outbox and the live push.</summary>
    private const string Own = "EnhanceFund.*";

    // ASP.NET Core's connection meter: signalr.server.active_connections is the open hub connections.
    private const string SignalRConnections = "Microsoft.AspNetCore.Http.Connections";

    public static void AddTelemetry(this WebApplicationBuilder builder)
    {
        var options = Options(builder);
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Configuration["OTEL_SERVICE_NAME"] ?? "enhancefund"))
            .WithMetrics(metrics =>
            {
                metrics
                    .AddMeter(Own, SignalRConnections)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddNpgsqlInstrumentation();
                if (options.MetricsEnabled == true) metrics.AddPrometheusExporter();
            });

        builder.Services.ConfigureOpenTelemetryMeterProvider(
            (services, metrics) => metrics.AddView(OnlyOurs(services.GetRequiredService<IMeterFactory>())));

        if (options.TracingEnabled ?? otlp)
        {
            telemetry.WithTracing(tracing => tracing
                .AddSource(Own)
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsScrapeOrProbe(context, options))
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddProcessor(new BackgroundQueriesUnrecorded()));
        }

        if (otlp) telemetry.WithLogging().UseOtlpExporter();
    }

    /// <summary>
    /// Drops the instruments another application's <see cref="IMeterFactory"/> made in this process (tests run several
    /// Hosts): each Host reports its own outbox and requests, and one stopping does not end another's series.
    /// Process-wide meters (no factory: the runtime's, HttpClient's) are everyone's.
    /// </summary>
    private static Func<Instrument, MetricStreamConfiguration?> OnlyOurs(IMeterFactory ours) =>
        instrument => instrument.Meter.Scope is null || ReferenceEquals(instrument.Meter.Scope, ours) ? null : MetricStreamConfiguration.Drop;

    public static void MapMetrics(this WebApplication app)
    {
        var options = Options(app);
        if (options.MetricsEnabled == true) app.MapPrometheusScrapingEndpoint(options.MetricsPath);
    }

    private static TelemetryOptions Options(IHostApplicationBuilder builder) => Bind(builder.Configuration, builder.Environment);

    private static TelemetryOptions Options(WebApplication app) => Bind(app.Configuration, app.Environment);

    private static TelemetryOptions Bind(IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        options.MetricsEnabled ??= !environment.IsProduction();
        return options;
    }

    // Scrapes and health probes come every few seconds from machines: traces of them would bury the users' requests.
    private static bool IsScrapeOrProbe(HttpContext context, TelemetryOptions options) =>
        context.Request.Path.StartsWithSegments(options.MetricsPath) || context.Request.Path.StartsWithSegments("/health");
}
