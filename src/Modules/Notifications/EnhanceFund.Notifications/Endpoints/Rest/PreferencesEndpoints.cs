using System.Text.Json;
using EnhanceFund.BuildingBlocks.Web;
using EnhanceFund.BuildingBlocks.Web.Auth;
using EnhanceFund.Notifications.Application.Preferences;
using FastEndpoints;
using MediatR;

namespace EnhanceFund.Notifications.Endpoints.Rest;

internal sealed class GetPreferencesEndpoint(IMediator mediator) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Get("/api/notifications/preferences");
        Summary(s => s.Summary = "The signed-in user's settings per notification type: stored in the list (in_app), pushed live (live)");
    }

    public override async Task HandleAsync(CancellationToken cancellationToken)
    {
        var preferences = await mediator.Send(new GetPreferences(User.UserId()), cancellationToken);
        await HttpContext.Response.SendSuccessAsync(
            "Notification preferences retrieved successfully", new { preferences }, cancellationToken: cancellationToken);
    }
}

public sealed class UpdatePreferencesRequest
{
    [FromBody]
    public JsonElement Body { get; set; }
}

internal sealed class UpdatePreferencesEndpoint(IMediator mediator) : Endpoint<UpdatePreferencesRequest>
{
    public override void Configure()
    {
        Patch("/api/notifications/preferences");
        Summary(s => s.Summary = "Change some notification types' settings; answers every type's settings after the change");
    }

    public override async Task HandleAsync(UpdatePreferencesRequest request, CancellationToken cancellationToken)
    {
        var changes = PreferenceChanges.Read(request.Body);
        if (!changes.IsSuccess)
        {
            await HttpContext.Response.SendErrorAsync(changes.Error!, cancellationToken);
            return;
        }

        var preferences = await mediator.Send(new UpdatePreferences(User.UserId(), changes.Value!), cancellationToken);
        await HttpContext.Response.SendSuccessAsync(
            "Notification preferences updated successfully", new { preferences }, cancellationToken: cancellationToken);
    }
}
