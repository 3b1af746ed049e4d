using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EnhanceFund.BuildingBlocks.Modules;

/// <summary>
/// What the Host needs from a module: its services, its endpoints' assembly and its public events. Modules implement it
/// through <see cref="ModuleBase{TContext}"/>.
/// </summary>
public interface IModule
{
    string Name { get; }

    /// <summary>Where the module's endpoints, handlers and consumers live.</summary>
    Assembly Assembly { get; }

    /// <summary>The module's published integration events, for the event-type registry.</summary>
    Assembly ContractsAssembly { get; }

    void AddServices(IServiceCollection services, IConfiguration configuration);

    /// <summary>Start-up work after migrations (seed data, say). Runs on every instance, so it must be idempotent.</summary>
    Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken);

    /// <summary>Maps anything beyond FastEndpoints (a SignalR hub, say). Most modules need nothing.</summary>
    void MapEndpoints(WebApplication app);
}
