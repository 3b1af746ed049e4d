using EnhanceFund.Identity.Infrastructure;

namespace EnhanceFund.Identity.Application;

internal sealed class SignInCheck(IdentityDbContext db) : ISignInCheck
{
    public async Task<bool> StandsAsync(long userId, DateTimeOffset signedInAt, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        return user is not null && user.HonoursSignInAt(signedInAt);
    }
}
