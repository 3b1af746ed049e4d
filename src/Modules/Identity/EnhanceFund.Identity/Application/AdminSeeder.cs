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
/// configured password the valid one at every start: changing <c>Admin__Password</c> and restarting rotates it and
/// ends the admin's earlier sign-ins. The configured admin is the only one: an admin account that configuration no
/// longer names (<c>Admin__Email</c> changed) is retired, so a former admin's password stops working.
/// </summary>
internal sealed class AdminSeeder(
    AccountOpener accounts, IdentityDbContext db, IPasswordHasher<User> hasher, IOptions<AdminOptions> options, TimeProvider clock,
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

        if (await accounts.OpenAsync(admin.Email, admin.FullName, Role.Admin, admin.Password, cancellationToken) is not null)
            logger.LogInformation("Created admin account {Email}", admin.Email);
        else if (!await ReinstateAsync(admin, cancellationToken))
            return;

        await RetireFormerAdminsAsync(User.NormalizeEmail(admin.Email), cancellationToken);
    }

    /// <summary>Makes the existing configured account a working admin with the configured password; false if it is not an admin.</summary>
    private async Task<bool> ReinstateAsync(AdminOptions admin, CancellationToken cancellationToken)
    {
        var email = User.NormalizeEmail(admin.Email);
        var user = await db.Users.SingleAsync(u => u.Email == email, cancellationToken);
        if (user.Role != Role.Admin)
        {
            // Retiring the other admins now would leave none.
            logger.LogWarning("Admin:Email {Email} belongs to an account that is not an admin; it and the admins are left alone", admin.Email);
            return false;
        }

        if (user.RetiredAt is not null)
        {
            user.Reinstate(clock.GetUtcNow());
            logger.LogInformation("The admin account {Email}, retired before, is the configured admin again", admin.Email);
        }

        if (hasher.VerifyHashedPassword(user, user.PasswordHash, admin.Password) == PasswordVerificationResult.Failed)
        {
            user.ChangePassword(hasher.HashPassword(user, admin.Password), clock.GetUtcNow());
            logger.LogInformation("The admin account {Email} now has the configured password; the previous one no longer works", admin.Email);
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private async Task RetireFormerAdminsAsync(string configuredEmail, CancellationToken cancellationToken)
    {
        var former = await db.Users
            .Where(u => u.Role == Role.Admin && u.Email != configuredEmail && u.RetiredAt == null)
            .ToListAsync(cancellationToken);
        if (former.Count == 0) return;

        var now = clock.GetUtcNow();
        foreach (var user in former) user.Retire(now);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var user in former)
            logger.LogWarning("The admin account {Email} is retired: Admin:Email names {Configured} now", user.Email, configuredEmail);
    }
}
