using EnhanceFund.BuildingBlocks.Web.Auth;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EnhanceFund.Identity.Application.SeedAdmin;

/// <summary>Creates the configured admin once; every instance runs it and the unique email settles races.</summary>
internal sealed class AdminSeeder(AccountOpener accounts, IOptions<AdminOptions> options, ILogger<AdminSeeder> logger)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var admin = options.Value;
        if (string.IsNullOrWhiteSpace(admin.Email) || string.IsNullOrEmpty(admin.Password))
        {
            logger.LogWarning("Admin:Email or Admin:Password is not configured; no admin account is created");
            return;
        }

        if (await accounts.OpenAsync(admin.Email, admin.FullName, Roles.Admin, admin.Password, cancellationToken) is not null)
            logger.LogInformation("Created admin account {Email}", admin.Email);
    }
}
