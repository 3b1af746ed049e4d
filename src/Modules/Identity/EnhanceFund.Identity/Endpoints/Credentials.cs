using EnhanceFund.BuildingBlocks.Domain;
using EnhanceFund.BuildingBlocks.Web;
using EnhanceFund.Identity.Application;
using FastEndpoints;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;

namespace EnhanceFund.Identity.Endpoints;

/// <summary>
/// What both ways in, registering and logging in, take: an email and a password. An interface, not a base class, so
/// each request keeps its own OpenAPI schema (with its own password rules) instead of sharing one.
/// </summary>
public interface ICredentialsRequest
{
    string? Email { get; }

    string? Password { get; }
}

/// <summary>The rules both ways in start with; registering adds its own.</summary>
internal sealed class CredentialsValidator : AbstractValidator<ICredentialsRequest>
{
    public CredentialsValidator()
    {
        RuleFor(r => r.Email)
            .Must(e => !string.IsNullOrWhiteSpace(e)).WithMessage("Email is required.")
            .MaximumLength(254).WithMessage("Email must be at most 254 characters long.")
            .EmailAddress().WithMessage("Email must be a valid email address.");
        RuleFor(r => r.Password).NotEmpty().WithMessage("Password is required.");
    }
}

/// <summary>A way in: anonymous, rate-limited per client, and answering with the user and a bearer token.</summary>
internal abstract class CredentialsEndpoint<TRequest>(IMediator mediator) : Endpoint<TRequest>
    where TRequest : ICredentialsRequest
{
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
