using EnhanceFund.BuildingBlocks.Modules;
using EnhanceFund.Wallet.Application;
using EnhanceFund.Wallet.Contracts;
using EnhanceFund.Wallet.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EnhanceFund.Wallet;

/// <summary>Balances, their history, and the only way money enters or leaves a user's hands.</summary>
public sealed class WalletModule() : ModuleBase<WalletDbContext>(
    "Wallet", typeof(FundsAdded).Assembly, WalletDbContext.SchemaName, IntegrationEvents.From)
{
    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        base.AddServices(services, configuration);
        services.AddScoped<FundsMover>();
    }
}
