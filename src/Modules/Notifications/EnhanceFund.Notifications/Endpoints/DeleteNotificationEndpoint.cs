using EnhanceFund.Notifications.Application;

namespace EnhanceFund.Notifications.Endpoints;

internal sealed class DeleteNotificationEndpoint(IMediator mediator) : Endpoint<IdRequest>
{
    public override void Configure()
    {
        Delete("/api/notifications/{id}");
        Summary(s => s.Summary = "Delete one of the signed-in user's notifications for good (404 for anyone else's)");
        Description(d => d.Answers<DeletedData>(StatusCodes.Status200OK, 400, 401, 404));
    }

    public override async Task HandleAsync(IdRequest request, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new DeleteNotification(User.UserId(), request.Id), cancellationToken);
        await HttpContext.Response.SendResultAsync(
            result, "Notification deleted successfully", deleted => new DeletedData(deleted), cancellationToken: cancellationToken);
    }
}

/// <summary><c>{"deleted": 1}</c>.</summary>
public sealed record DeletedData(int Deleted);
