using EnhanceFund.Identity.Application;

namespace EnhanceFund.Identity.Endpoints;

public sealed class RegisterUserRequest
{
    public string? Email { get; set; }

    public string? Password { get; set; }

    public string? FullName { get; set; }

    public string? Role { get; set; }
}

internal sealed class RegisterUserValidator : Validator<RegisterUserRequest>
{
    public RegisterUserValidator()
    {
        RuleFor(r => r.Email).ValidEmail();
        RuleFor(r => r.Password)
            .RequiredPassword()
            .Length(8, 128).WithMessage("Password must be 8 to 128 characters long.");
        RuleFor(r => r.FullName)
            .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Full name is required.")
            .AtMostCharacters(100).WithMessage("Full name must be at most 100 characters long.");
        RuleFor(r => r.Role)
            .Must(r => r is Role.Investor or Role.Borrower)
            .WithMessage("Role must be 'investor' or 'borrower'.");
    }
}

internal sealed class RegisterUserEndpoint(IMediator mediator) : SignInEndpoint<RegisterUserRequest>(mediator)
{
    public override void Configure()
    {
        PostAnonymously("/api/auth/register");
        Summary(s => s.Summary = "Create an investor or borrower account and sign in");
        Description(d => d.Answers<SignedIn>(StatusCodes.Status201Created, 400, 409, 429));
    }

    public override Task HandleAsync(RegisterUserRequest request, CancellationToken cancellationToken) =>
        SendSignedInAsync(
            new RegisterUser(request.Email!, request.Password!, request.FullName!, request.Role!), "Registration successful",
            StatusCodes.Status201Created, cancellationToken);
}
