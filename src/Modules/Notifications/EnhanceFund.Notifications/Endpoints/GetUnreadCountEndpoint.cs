using EnhanceFund.BuildingBlocks.Web;
using EnhanceFund.BuildingBlocks.Web.Auth;
using EnhanceFund.Notifications.Application;
using FastEndpoints;
using MediatR;

namespace EnhanceFund.Notifications.Endpoints;

internal sealed class GetUnreadCountEndpoint(IMediator mediator) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Get("/api/notifications/unread-count");
        Summary(s => s.Summary = "How many of the signed-in user's notifications are unread");
    }

    public override async Task HandleAsync(CancellationToken cancellationToken)
    {
        var unreadCount = await mediator.Send(new GetUnreadCount(User.UserId()), cancellationToken);
        await HttpContext.Response.SendSuccessAsync(
            "Unread count retrieved successfully", new { unread_count = unreadCount }, cancellationToken: cancellationToken);
    }
}
