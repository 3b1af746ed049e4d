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
public sealed class IdentityModule() : ModuleBase<IdentityDbContext>(
    "Identity", typeof(Contracts.UserRegistered).Assembly, IdentityDbContext.SchemaName, IntegrationEvents.From)
{
    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        base.AddServices(services, configuration);
        services.TryAddSingleton<IPasswordHasher<User>, PasswordHasher<User>>();
        services.AddSingleton<TokenIssuer>();
        services.AddOptions<AdminOptions>().Bind(configuration.GetSection(AdminOptions.Section));
        services.AddScoped<AccountOpener>();
        services.AddScoped<AdminSeeder>();
        services.AddScoped<ISignInCheck, SignInCheck>();
    }

    public override async Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<AdminSeeder>().SeedAsync(cancellationToken);
    }
}
