using EnhanceFund.Identity.Domain;
using EnhanceFund.Identity.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace EnhanceFund.Identity.Application;

/// <summary>
/// The one way an account comes to exist, for sign-ups and the admin seeder alike: numbered, hashed,
/// and unique by email even when two requests race for the same address.
/// </summary>
internal sealed class AccountOpener(IdentityDbContext db, IPasswordHasher<User> hasher, TimeProvider clock)
{
    /// <summary>The new user, or null when the email already has an account.</summary>
    public async Task<User?> OpenAsync(string email, string fullName, string role, string password, CancellationToken cancellationToken)
    {
        var normalizedEmail = User.NormalizeEmail(email);
        if (await db.Users.AnyAsync(u => u.Email == normalizedEmail, cancellationToken)) return null;

        var id = await db.NextIdAsync(IdentityDbContext.UserIds, cancellationToken);
        var user = User.Register(id, normalizedEmail, fullName, role, clock.GetUtcNow());
        user.SetPasswordHash(hasher.HashPassword(user, password));
        db.Users.Add(user);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return user;
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation(IdentityDbContext.UniqueEmail))
        {
            // Forgotten, or the caller's next SaveChanges (the admin seeder's, on the instance that lost the race)
            // would try the same insert again. The failed save took back the outbox row of its UserRegistered.
            db.Entry(user).State = EntityState.Detached;
            return null;
        }
    }
}
