using EnhanceFund.Notifications.Application;

namespace EnhanceFund.Notifications.Endpoints;

internal sealed class GetPreferencesEndpoint(IMediator mediator) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Get("/api/notifications/preferences");
        Summary(s => s.Summary = "The signed-in user's settings per notification type: stored in the list (in_app), pushed live (live)");
        Description(d => d.Answers<PreferencesData>(StatusCodes.Status200OK, 401));
    }

    public override async Task HandleAsync(CancellationToken cancellationToken)
    {
        var preferences = await mediator.Send(new GetPreferences(User.UserId()), cancellationToken);
        await HttpContext.Response.SendSuccessAsync(
            "Notification preferences retrieved successfully", new PreferencesData(preferences), cancellationToken: cancellationToken);
    }
}
