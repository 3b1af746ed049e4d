using System.Reflection;
using EnhanceFund.BuildingBlocks.Modules;
using EnhanceFund.Identity.Application;
using EnhanceFund.Identity.Domain;
using EnhanceFund.Identity.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EnhanceFund.Identity;

/// <summary>Users, passwords, roles and the tokens that prove them.</summary>
public sealed class IdentityModule : IModule
{
    public string Name => "Identity";

    public Assembly Assembly => typeof(IdentityModule).Assembly;

    public Assembly ContractsAssembly => typeof(Contracts.UserRegistered).Assembly;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<IdentityDbContext>(configuration, IdentityDbContext.SchemaName, IntegrationEvents.From);
        services.TryAddSingleton<IPasswordHasher<User>, PasswordHasher<User>>();
        services.AddSingleton<TokenIssuer>();
        services.AddOptions<AdminOptions>().Bind(configuration.GetSection(AdminOptions.Section));
        services.AddScoped<AccountOpener>();
        services.AddScoped<AdminSeeder>();
    }

    public async Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<AdminSeeder>().SeedAsync(cancellationToken);
    }
}
