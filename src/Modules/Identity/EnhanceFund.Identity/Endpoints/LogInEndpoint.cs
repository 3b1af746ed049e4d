using EnhanceFund.Identity.Application;

namespace EnhanceFund.Identity.Endpoints;

public sealed class LogInRequest
{
    public string? Email { get; set; }

    public string? Password { get; set; }
}

internal sealed class LogInValidator : Validator<LogInRequest>
{
    public LogInValidator()
    {
        RuleFor(r => r.Email).ValidEmail();
        RuleFor(r => r.Password).RequiredPassword();
    }
}

internal sealed class LogInEndpoint(IMediator mediator) : SignInEndpoint<LogInRequest>(mediator)
{
    public override void Configure()
    {
        PostAnonymously("/api/auth/login");
        Summary(s => s.Summary = "Sign in with email and password");
        Description(d => d.Answers<SignedIn>(StatusCodes.Status200OK, 400, 401, 429));
    }

    public override Task HandleAsync(LogInRequest request, CancellationToken cancellationToken) =>
        SendSignedInAsync(new LogIn(request.Email!, request.Password!), "Login successful", StatusCodes.Status200OK, cancellationToken);
}
