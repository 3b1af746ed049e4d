using System.Reflection;
using EnhanceFund.BuildingBlocks.Modules;
using EnhanceFund.Wallet.Application;
using EnhanceFund.Wallet.Contracts;
using EnhanceFund.Wallet.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EnhanceFund.Wallet;

/// <summary>Balances, their history, and the only way money enters or leaves a user's hands.</summary>
public sealed class WalletModule : IModule
{
    public string Name => "Wallet";

    public Assembly Assembly => typeof(WalletModule).Assembly;

    public Assembly ContractsAssembly => typeof(FundsAdded).Assembly;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<WalletDbContext>(configuration, WalletDbContext.SchemaName, IntegrationEvents.From);
        services.AddScoped<FundsMover>();
    }
}
