using EnhanceFund.BuildingBlocks.Domain;
using EnhanceFund.BuildingBlocks.Persistence;
using EnhanceFund.Identity.Domain;
using EnhanceFund.Identity.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace EnhanceFund.Identity.Application.Register;

internal sealed class RegisterUserHandler(
    IdentityDbContext db, IPasswordHasher<User> hasher, TokenIssuer tokens, TimeProvider clock)
    : IRequestHandler<RegisterUser, Result<SignedIn>>
{
    private static readonly Error EmailTaken = Error.Conflict("An account with this email already exists.", "email");

    public async Task<Result<SignedIn>> Handle(RegisterUser command, CancellationToken cancellationToken)
    {
        var email = User.NormalizeEmail(command.Email);
        if (await db.Users.AnyAsync(u => u.Email == email, cancellationToken)) return EmailTaken;

        var id = await db.NextIdAsync(IdentityDbContext.UserIds, cancellationToken);
        var user = User.Register(id, email, command.FullName, command.Role, clock.GetUtcNow());
        user.SetPasswordHash(hasher.HashPassword(user, command.Password));
        db.Users.Add(user);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation(UserConfiguration.UniqueEmail))
        {
            return EmailTaken;
        }

        return tokens.Issue(user);
    }
}
