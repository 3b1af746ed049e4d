using EnhanceFund.Identity.Application;
using EnhanceFund.Identity.Domain;
using Microsoft.AspNetCore.Builder;

namespace EnhanceFund.Identity.Endpoints;

/// <summary>
/// The rules both ways in, registering and logging in, apply to an email and a password. Rules, not a shared validator:
/// each request's password chain stays whole, so its OpenAPI schema says what that request takes.
/// </summary>
internal static class CredentialRules
{
    public static IRuleBuilderOptions<T, string?> ValidEmail<T>(this IRuleBuilder<T, string?> rule) =>
        rule
            .Must(e => !string.IsNullOrWhiteSpace(e)).WithMessage("Email is required.")
            .MaximumLength(254).WithMessage("Email must be at most 254 characters long.")
            .Must(e => e is null || IsEmailAddress(User.NormalizeEmail(e))).WithMessage("Email must be a valid email address.");

    // FluentValidation's EmailAddress() (one '@', neither first nor last), applied to the address as it is stored:
    // applied before the trim, "   @example.test" passed and was stored as "@example.test".
    private static bool IsEmailAddress(string email)
    {
        var at = email.IndexOf('@');
        return at > 0 && at < email.Length - 1 && at == email.LastIndexOf('@');
    }

    public static IRuleBuilderOptions<T, string?> RequiredPassword<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().WithMessage("Password is required.");
}

/// <summary>
/// An endpoint that answers with a sign-in, the user and a bearer token: registering, logging in and refreshing. The
/// first two are the ways in, posted anonymously.
/// </summary>
internal abstract class SignInEndpoint<TRequest>(IMediator mediator) : Endpoint<TRequest>
    where TRequest : notnull
{
    /// <summary>A way in: anonymous, and rate-limited per client.</summary>
    protected void PostAnonymously(string route)
    {
        Post(route);
        AllowAnonymous();
        Options(r => r.RequireRateLimiting(RateLimitPolicies.SignIn));
    }

    protected async Task SendSignedInAsync(IRequest<Result<SignedIn>> command, string message, int status, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(command, cancellationToken);
        await HttpContext.Response.SendResultAsync(result, message, signedIn => signedIn, status, cancellationToken);
    }
}
