using System.Reflection;
using EnhanceFund.BuildingBlocks.Modules;
using EnhanceFund.Investments.Contracts;
using EnhanceFund.Investments.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EnhanceFund.Investments;

/// <summary>Investors' investments in loans, and the saga steps that settle, reject and close them.</summary>
public sealed class InvestmentsModule : IModule
{
    public string Name => "Investments";

    public Assembly Assembly => typeof(InvestmentsModule).Assembly;

    public Assembly ContractsAssembly => typeof(InvestmentRequested).Assembly;

    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddModuleDbContext<InvestmentsDbContext>(configuration, InvestmentsDbContext.SchemaName, IntegrationEvents.From);
}
