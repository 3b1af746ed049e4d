using EnhanceFund.BuildingBlocks.Persistence;
using EnhanceFund.BuildingBlocks.Web.Auth;
using EnhanceFund.Identity.Domain;
using EnhanceFund.Identity.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EnhanceFund.Identity.Application.SeedAdmin;

/// <summary>Creates the configured admin once; every instance runs it and the unique email settles races.</summary>
internal sealed class AdminSeeder(
    IdentityDbContext db, IPasswordHasher<User> hasher, IOptions<AdminOptions> options, TimeProvider clock,
    ILogger<AdminSeeder> logger)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var admin = options.Value;
        if (string.IsNullOrWhiteSpace(admin.Email) || string.IsNullOrEmpty(admin.Password))
        {
            logger.LogWarning("Admin:Email or Admin:Password is not configured; no admin account is created");
            return;
        }

        var email = User.NormalizeEmail(admin.Email);
        if (await db.Users.AnyAsync(u => u.Email == email, cancellationToken)) return;

        var id = await db.NextIdAsync(IdentityDbContext.UserIds, cancellationToken);
        var user = User.Register(id, email, admin.FullName, Roles.Admin, clock.GetUtcNow());
        user.SetPasswordHash(hasher.HashPassword(user, admin.Password));
        db.Users.Add(user);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Created admin account {Email}", email);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation(UserConfiguration.UniqueEmail))
        {
            // Another instance created it first.
        }
    }
}
