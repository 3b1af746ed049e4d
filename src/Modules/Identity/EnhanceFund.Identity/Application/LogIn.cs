using EnhanceFund.Identity.Domain;
using EnhanceFund.Identity.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace EnhanceFund.Identity.Application;

public sealed record LogIn(string Email, string Password) : IRequest<Result<SignedIn>>;

internal sealed class LogInHandler(IdentityDbContext db, IPasswordHasher<User> hasher, TokenIssuer tokens)
    : IRequestHandler<LogIn, Result<SignedIn>>
{
    // One answer for an unknown email and a wrong password, so the API does not reveal who has an account.
    private static readonly Error WrongCredentials = Error.Unauthorized("The email or password is incorrect.");

    // Checked against when the email has no account, so that an unknown email costs the same hash verification as a
    // wrong password, and the answer's timing does not tell who has an account either.
    private static string? _noAccountHash;

    public async Task<Result<SignedIn>> Handle(LogIn command, CancellationToken cancellationToken)
    {
        var email = User.NormalizeEmail(command.Email);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Email == email, cancellationToken);
        if (user is null)
        {
            // PasswordHasher ignores the user it is given.
            _noAccountHash ??= hasher.HashPassword(null!, Guid.NewGuid().ToString());
            hasher.VerifyHashedPassword(null!, _noAccountHash, command.Password);
            return WrongCredentials;
        }

        var verification = hasher.VerifyHashedPassword(user, user.PasswordHash, command.Password);
        // A retired account answers as a wrong password does, after the same check.
        if (verification == PasswordVerificationResult.Failed || user.RetiredAt is not null) return WrongCredentials;
        if (verification == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.SetPasswordHash(hasher.HashPassword(user, command.Password));
            await db.SaveChangesAsync(cancellationToken);
        }

        return tokens.Issue(user);
    }
}
