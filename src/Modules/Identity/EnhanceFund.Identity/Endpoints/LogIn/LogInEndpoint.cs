using EnhanceFund.BuildingBlocks.Web;
using FastEndpoints;
using MediatR;
using Microsoft.AspNetCore.Builder;
using LogInCommand = EnhanceFund.Identity.Application.LogIn.LogIn;

namespace EnhanceFund.Identity.Endpoints.LogIn;

internal sealed class LogInEndpoint(IMediator mediator) : Endpoint<LogInRequest>
{
    public override void Configure()
    {
        Post("/api/auth/login");
        AllowAnonymous();
        Options(route => route.RequireRateLimiting(RateLimitPolicies.SignIn));
        Summary(s => s.Summary = "Sign in with email and password");
    }

    public override async Task HandleAsync(LogInRequest request, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new LogInCommand(request.Email!, request.Password!), cancellationToken);
        await HttpContext.Response.SendResultAsync(result, "Login successful", signedIn => signedIn, cancellationToken: cancellationToken);
    }
}
