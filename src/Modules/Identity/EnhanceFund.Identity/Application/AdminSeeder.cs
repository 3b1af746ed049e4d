using EnhanceFund.Identity.Domain;
using EnhanceFund.Identity.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EnhanceFund.Identity.Application;

/// <summary>The administrator created at start-up, bound from the <c>Admin</c> section.</summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";

    public string Email { get; set; } = "";

    public string Password { get; set; } = "";

    public string FullName { get; set; } = "Platform Administrator";
}

/// <summary>
/// Creates the configured admin once (every instance runs it; the unique email settles races), and makes the
/// configured password the valid one at every start: changing <c>Admin__Password</c> and restarting rotates it.
/// </summary>
internal sealed class AdminSeeder(
    AccountOpener accounts, IdentityDbContext db, IPasswordHasher<User> hasher, IOptions<AdminOptions> options, ILogger<AdminSeeder> logger)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var admin = options.Value;
        if (string.IsNullOrWhiteSpace(admin.Email) || string.IsNullOrEmpty(admin.Password))
        {
            logger.LogWarning("Admin:Email or Admin:Password is not configured; no admin account is created");
            return;
        }

        if (await accounts.OpenAsync(admin.Email, admin.FullName, Role.Admin, admin.Password, cancellationToken) is not null)
        {
            logger.LogInformation("Created admin account {Email}", admin.Email);
            return;
        }

        await RotatePasswordAsync(admin, cancellationToken);
    }

    private async Task RotatePasswordAsync(AdminOptions admin, CancellationToken cancellationToken)
    {
        var email = User.NormalizeEmail(admin.Email);
        var user = await db.Users.SingleAsync(u => u.Email == email, cancellationToken);
        if (user.Role != Role.Admin)
        {
            logger.LogWarning("Admin:Email {Email} belongs to an account that is not an admin; its password is left alone", admin.Email);
            return;
        }

        if (hasher.VerifyHashedPassword(user, user.PasswordHash, admin.Password) == PasswordVerificationResult.Success) return;

        user.SetPasswordHash(hasher.HashPassword(user, admin.Password));
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("The admin account {Email} now has the configured password; the previous one no longer works", admin.Email);
    }
}
