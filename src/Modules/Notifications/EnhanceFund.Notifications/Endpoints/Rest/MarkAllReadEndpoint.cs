using EnhanceFund.BuildingBlocks.Web;
using EnhanceFund.BuildingBlocks.Web.Auth;
using EnhanceFund.Notifications.Application.MarkAllRead;
using FastEndpoints;
using MediatR;

namespace EnhanceFund.Notifications.Endpoints.Rest;

internal sealed class MarkAllReadEndpoint(IMediator mediator) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Post("/api/notifications/mark-all-read");
        Summary(s => s.Summary = "Mark every unread notification of the signed-in user read");
    }

    public override async Task HandleAsync(CancellationToken cancellationToken)
    {
        var updated = await mediator.Send(new MarkAllRead(User.UserId()), cancellationToken);
        await HttpContext.Response.SendSuccessAsync(
            "All notifications marked as read", new { updated }, cancellationToken: cancellationToken);
    }
}
