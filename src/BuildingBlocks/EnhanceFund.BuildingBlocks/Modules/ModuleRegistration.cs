using EnhanceFund.BuildingBlocks.Contracts;
using EnhanceFund.BuildingBlocks.Domain;
using EnhanceFund.BuildingBlocks.Mediation;
using EnhanceFund.BuildingBlocks.Messaging;
using EnhanceFund.BuildingBlocks.Messaging.Parked;
using EnhanceFund.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace EnhanceFund.BuildingBlocks.Modules;

public static class ModuleRegistration
{
    /// <summary>
    /// Registers a module's DbContext on the shared PostgreSQL database (its own schema and migrations
    /// history), its outbox writer and relay, and the module's MediatR handlers.
    /// </summary>
    public static IServiceCollection AddModuleDbContext<TContext>(
        this IServiceCollection services,
        IConfiguration configuration,
        string schema,
        Func<IDomainEvent, IIntegrationEvent?> toIntegrationEvent)
        where TContext : ModuleDbContext
    {
        var connectionString = PostgresConnection.FromConfiguration(configuration);

        services.AddSingleton<OutboxSignal<TContext>>();
        // Pooled: a request reuses a context instead of building one (and its services) anew; the options, and so the
        // interceptors below, are built once and shared, which they can be, as they keep no state of their own. A pooled
        // context may come back with its outbox flag still set (a transaction disposed without commit or rollback):
        // the worst that does is one spurious wake-up of the relay.
        services.AddDbContextPool<TContext>((provider, options) =>
        {
            var signal = provider.GetRequiredService<OutboxSignal<TContext>>();
            options
                .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable(ModuleDatabase.HistoryTable, schema))
                .UseSnakeCaseNamingConvention()
                .ConfigureWarnings(FailuresAreTheCallersToLog)
                .AddInterceptors(
                    new OutboxWriter(
                        provider.GetRequiredService<EventTypeRegistry>(),
                        toIntegrationEvent,
                        signal.Notify),
                    new OutboxCommitSignaller(signal.Notify));
        });
        services.AddScoped<OutboxRelay<TContext>>();
        services.AddOutboxJobs<TContext>(schema);
        services.AddSingleton(new ModuleDatabase(typeof(TContext), schema));
        services.TryAddScoped<ParkedMessages>();
        services.TryAddSingleton<OutboxMetrics>();
        services.TryAddSingleton<OutboxBacklog>();
        services.AddMediatorHandlers(typeof(TContext).Assembly);
        return services;
    }

    /// <summary>
    /// EF logs every failed command, save and commit as an error, before its caller has seen the exception. Many are
    /// expected and handled: an e-mail already taken (409), a redelivery the inbox refuses. A failure is logged once,
    /// by whoever decides what it is: the relay logs a consumer's failure with its exception, the relay job a batch
    /// lost with its connection, the exception handler a request's. EF's own entries, with their SQL, stay at Debug.
    /// </summary>
    private static void FailuresAreTheCallersToLog(WarningsConfigurationBuilder warnings) => warnings.Log(
        (RelationalEventId.CommandError, LogLevel.Debug),
        (RelationalEventId.TransactionError, LogLevel.Debug),
        (CoreEventId.SaveChangesFailed, LogLevel.Debug),
        (CoreEventId.QueryIterationFailed, LogLevel.Debug));
}

/// <summary>A module DbContext the Host migrates at start-up and whose outbox it relays; its schema names the module.</summary>
public sealed record ModuleDatabase(Type ContextType, string Schema)
{
    /// <summary>The table, in the module's schema, where EF records the module's applied migrations.</summary>
    public const string HistoryTable = "__ef_migrations_history";
}
