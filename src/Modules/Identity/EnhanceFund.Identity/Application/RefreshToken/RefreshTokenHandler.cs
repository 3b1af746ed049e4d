using EnhanceFund.BuildingBlocks.Domain;
using EnhanceFund.BuildingBlocks.Web.Auth;
using EnhanceFund.Identity.Infrastructure;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EnhanceFund.Identity.Application.RefreshToken;

/// <summary>
/// Renews a valid token before it expires, so a tab can stay signed in without asking for the password every hour;
/// but only within <see cref="JwtOptions.SessionHours"/> of the password sign-in, and only while the account exists
/// (the new token carries the account's current role).
/// </summary>
internal sealed class RefreshTokenHandler(IdentityDbContext db, TokenIssuer tokens, IOptions<JwtOptions> options, TimeProvider clock)
    : IRequestHandler<RefreshToken, Result<SignedIn>>
{
    public async Task<Result<SignedIn>> Handle(RefreshToken command, CancellationToken cancellationToken)
    {
        if (clock.GetUtcNow() - command.SignedInAt > TimeSpan.FromHours(options.Value.SessionHours))
            return Error.Unauthorized("Your session has expired. Please sign in again.");
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == command.UserId, cancellationToken);
        return user is null ? Error.Unauthorized("The signed-in user no longer exists.") : tokens.Issue(user, command.SignedInAt);
    }
}
