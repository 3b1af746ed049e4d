using EnhanceFund.Identity.Infrastructure;
using Microsoft.Extensions.Options;

namespace EnhanceFund.Identity.Application;

/// <summary>A fresh token for a signed-in user, for a sign-in made at <paramref name="SignedInAt"/>.</summary>
public sealed record RefreshToken(long UserId, DateTimeOffset SignedInAt) : IRequest<Result<SignedIn>>;

/// <summary>
/// Renews a valid token before it expires, so a tab can stay signed in without asking for the password every hour;
/// but only within <see cref="JwtOptions.SessionHours"/> of the password sign-in, and only while the account exists and
/// honours that sign-in (its password unchanged since, the account not retired; the new token carries its current role).
/// </summary>
internal sealed class RefreshTokenHandler(IdentityDbContext db, TokenIssuer tokens, IOptions<JwtOptions> options, TimeProvider clock)
    : IRequestHandler<RefreshToken, Result<SignedIn>>
{
    private static readonly Error SessionExpired = Error.Unauthorized("Your session has expired. Please sign in again.");
    private static readonly Error NoLongerExists = Error.Unauthorized("The signed-in user no longer exists.");

    public async Task<Result<SignedIn>> Handle(RefreshToken command, CancellationToken cancellationToken)
    {
        if (clock.GetUtcNow() > options.Value.SessionEnd(command.SignedInAt)) return SessionExpired;
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == command.UserId, cancellationToken);
        if (user is null) return NoLongerExists;
        if (!user.HonoursSignInAt(command.SignedInAt)) return SessionExpired;
        return tokens.Issue(user, command.SignedInAt);
    }
}
