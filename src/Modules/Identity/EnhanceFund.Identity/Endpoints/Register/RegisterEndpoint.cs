using EnhanceFund.BuildingBlocks.Web;
using EnhanceFund.Identity.Application.Register;
using FastEndpoints;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace EnhanceFund.Identity.Endpoints.Register;

internal sealed class RegisterEndpoint(IMediator mediator) : Endpoint<RegisterRequest>
{
    public override void Configure()
    {
        Post("/api/auth/register");
        AllowAnonymous();
        Options(route => route.RequireRateLimiting(RateLimitPolicies.SignIn));
        Summary(s => s.Summary = "Create an investor or borrower account and sign in");
    }

    public override async Task HandleAsync(RegisterRequest request, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(
            new RegisterUser(request.Email!, request.Password!, request.FullName!, request.Role!), cancellationToken);
        await HttpContext.Response.SendResultAsync(
            result, "Registration successful", signedIn => signedIn, StatusCodes.Status201Created, cancellationToken);
    }
}
