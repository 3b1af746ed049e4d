using EnhanceFund.BuildingBlocks.Configuration;
using EnhanceFund.BuildingBlocks.Messaging;
using EnhanceFund.BuildingBlocks.Modules;
using EnhanceFund.BuildingBlocks.Persistence;
using EnhanceFund.BuildingBlocks.Web;
using EnhanceFund.Host.Errors;
using EnhanceFund.Host.Health;
using EnhanceFund.Host.Telemetry;
using FastEndpoints;
using FastEndpoints.Swagger;
using Quartz;

namespace EnhanceFund.Host.Composition;

/// <summary>Everything the modules share at run time, registered once: the Host's whole job.</summary>
internal static class Platform
{
    public static void AddPlatform(this WebApplicationBuilder builder, IReadOnlyList<IModule> modules)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        services.AddSingleton<TimeProvider>(new DatabasePrecisionClock());
        // Built now, not on first use: an unnamed or doubly named event or consumer stops the start-up.
        services.AddSingleton(new EventTypeRegistry(modules.Select(m => m.ContractsAssembly)));
        ConsumerNames.Verify(modules.Select(m => m.Assembly));
        services.AddValidatedOptions<OutboxOptions>(configuration.GetSection(OutboxOptions.Section));
        services.AddValidatedOptions<IdempotencyKeyOptions>(configuration.GetSection(IdempotencyKeyOptions.Section));

        builder.AddJwtAuthentication();
        services.AddAuthorization();
        builder.AddRealtime();
        builder.AddTrustedProxies();
        builder.AddRateLimits();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Limits.MaxRequestBodySize = configuration.GetValue("Api:MaxRequestBodyBytes", 64 * 1024));

        services.AddFastEndpoints(o =>
        {
            o.DisableAutoDiscovery = true;
            // The building blocks hold validators shared by every module (IdRequestValidator).
            o.Assemblies = modules.Select(m => m.Assembly).Append(typeof(IdRequest).Assembly);
        });
        services.SwaggerDocument(o =>
        {
            o.DocumentSettings = s =>
            {
                s.Title = "EnhanceFund API";
                s.Version = "v1";
            };
            o.EnableJWTBearerAuth = true;
            // A generated client reads "RequestLoanRequest" and "LoanData", tagged by area ("/api/loans": loans),
            // rather than namespaces spelled out; OpenApiTests fails if two types would share a name.
            o.ShortSchemaNames = true;
            o.AutoTagPathSegmentIndex = 2;
        });

        services.AddQuartz(q =>
        {
            // Unique per application instance: tests run several Hosts in one process.
            q.SchedulerName = $"enhancefund-{Guid.NewGuid():N}";
            q.UseInMemoryStore();
        });

        builder.AddHealth();
        builder.AddTelemetry();
    }

    public static void UsePlatform(this WebApplication app, IReadOnlyList<IModule> modules)
    {
        app.UseForwardedHeaders();
        app.UseEnvelopeErrors();
        app.UseWebClient();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseFastEndpoints(c =>
        {
            ApiJson.Configure(c.Serializer.Options);
            c.Endpoints.ShortNames = true;
            c.Errors.ProducesMetadataType = typeof(FailureEnvelope);
            c.Errors.ResponseBuilder = (failures, _, _) => ValidationEnvelope.From(failures);
            c.Binding.JsonExceptionTransformer = ValidationEnvelope.FromJsonException;
            c.Binding.FailureMessage = ValidationEnvelope.BindingFailureMessage;
            // Route and query values bind by the API's name of a field (interest_rate), as the body does; by default
            // they would bind by the C# property's (InterestRate), a second name QueryStringFields would not know.
            c.Binding.UsePropertyNamingPolicy = true;
            c.Binding.Modifier = (_, type, context, _) => QueryStringFields.Check(type, context);
        });
        app.UseSwaggerGen();
        app.MapHealth();
        app.MapMetrics();
        foreach (var module in modules) module.MapEndpoints(app);
    }
}
