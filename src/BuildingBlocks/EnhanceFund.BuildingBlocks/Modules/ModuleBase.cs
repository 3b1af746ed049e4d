using System.Reflection;
using EnhanceFund.BuildingBlocks.Contracts;
using EnhanceFund.BuildingBlocks.Domain;
using EnhanceFund.BuildingBlocks.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EnhanceFund.BuildingBlocks.Modules;

/// <summary>
/// What every module registers the same way: its name, its assemblies, and its DbContext with the outbox, the relay
/// and the MediatR handlers (<see cref="ModuleRegistration.AddModuleDbContext{TContext}"/>). A module overrides only
/// what is its own: more services, start-up work, a hub.
/// </summary>
/// <param name="toIntegrationEvent">Which domain events leave the module: its <c>Infrastructure/IntegrationEvents.From</c>.</param>
public abstract class ModuleBase<TContext>(
    string name, Assembly contractsAssembly, string schema, Func<IDomainEvent, IIntegrationEvent?> toIntegrationEvent) : IModule
    where TContext : ModuleDbContext
{
    public string Name => name;

    public Assembly Assembly => GetType().Assembly;

    public Assembly ContractsAssembly => contractsAssembly;

    public virtual void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddModuleDbContext<TContext>(configuration, schema, toIntegrationEvent);

    public virtual Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken) => Task.CompletedTask;

    public virtual void MapEndpoints(WebApplication app)
    {
    }
}
