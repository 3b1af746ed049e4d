using EnhanceFund.Notifications.Application;

namespace EnhanceFund.Notifications.Endpoints;

internal sealed class GetUnreadCountEndpoint(IMediator mediator) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Get("/api/notifications/unread-count");
        Summary(s => s.Summary = "How many of the signed-in user's notifications are unread");
        Description(d => d.Answers<UnreadCountData>(StatusCodes.Status200OK, 401));
    }

    public override async Task HandleAsync(CancellationToken cancellationToken)
    {
        var unreadCount = await mediator.Send(new GetUnreadCount(User.UserId()), cancellationToken);
        await HttpContext.Response.SendSuccessAsync(
            "Unread count retrieved successfully", new UnreadCountData(unreadCount), cancellationToken: cancellationToken);
    }
}

/// <summary><c>{"unread_count": 3}</c>: answered here, pushed on connect and whenever it changes.</summary>
public sealed record UnreadCountData(int UnreadCount);
