using EnhanceFund.Notifications.Application;

namespace EnhanceFund.Notifications.Endpoints;

internal sealed class GetNotificationEndpoint(IMediator mediator) : Endpoint<IdRequest>
{
    public override void Configure()
    {
        Get("/api/notifications/{id}");
        Summary(s => s.Summary = "One of the signed-in user's notifications (404 for anyone else's)");
        Description(d => d.Answers<NotificationData>(StatusCodes.Status200OK, 400, 401, 404));
    }

    public override async Task HandleAsync(IdRequest request, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new GetNotification(User.UserId(), request.Id), cancellationToken);
        await HttpContext.Response.SendResultAsync(
            result, "Notification retrieved successfully", n => new NotificationData(n), cancellationToken: cancellationToken);
    }
}
