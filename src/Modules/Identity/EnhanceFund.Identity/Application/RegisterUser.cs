namespace EnhanceFund.Identity.Application;

public sealed record RegisterUser(string Email, string Password, string FullName, string Role) : IRequest<Result<SignedIn>>;

internal sealed class RegisterUserHandler(AccountOpener accounts, TokenIssuer tokens) : IRequestHandler<RegisterUser, Result<SignedIn>>
{
    private static readonly Error EmailTaken = Error.Conflict("An account with this email already exists.", "email");

    public async Task<Result<SignedIn>> Handle(RegisterUser command, CancellationToken cancellationToken)
    {
        var user = await accounts.OpenAsync(command.Email, command.FullName, command.Role, command.Password, cancellationToken);
        return user is null ? EmailTaken : tokens.Issue(user);
    }
}
