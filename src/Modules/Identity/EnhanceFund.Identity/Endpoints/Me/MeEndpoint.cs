using EnhanceFund.BuildingBlocks.Web;
using EnhanceFund.BuildingBlocks.Web.Auth;
using EnhanceFund.Identity.Application.GetCurrentUser;
using FastEndpoints;
using MediatR;

namespace EnhanceFund.Identity.Endpoints.Me;

internal sealed class MeEndpoint(IMediator mediator) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Get("/api/auth/me");
        Summary(s => s.Summary = "The signed-in user");
    }

    public override async Task HandleAsync(CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new GetCurrentUser(User.UserId()), cancellationToken);
        await HttpContext.Response.SendResultAsync(
            result, "User retrieved successfully", user => new { user }, cancellationToken: cancellationToken);
    }
}
