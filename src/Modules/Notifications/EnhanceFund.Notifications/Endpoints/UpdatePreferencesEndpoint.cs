using System.Text.Json;
using EnhanceFund.Notifications.Application;
using EnhanceFund.Notifications.Domain;

namespace EnhanceFund.Notifications.Endpoints;

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
        Description(d => d.Answers<PreferencesData>(StatusCodes.Status200OK, 400, 401));
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
            "Notification preferences updated successfully", new PreferencesData(preferences), cancellationToken: cancellationToken);
    }
}

/// <summary>
/// Reads <c>{"&lt;notification_type&gt;": {"in_app": bool, "live": bool}}</c>, both keys optional. Its keys are data
/// (type codes), not property names, so it is read here rather than bound: what is wrong is named exactly as sent
/// (<c>fund_added.live</c>), and the first thing wrong refuses the whole request.
/// </summary>
internal static class PreferenceChanges
{
    private const string InApp = "in_app";
    private const string Live = "live";

    public static Result<IReadOnlyDictionary<string, PreferenceChange>> Read(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
            return Error.Invalid("body", """Send an object of notification types, e.g. {"fund_added": {"live": false}}.""");

        var changes = new Dictionary<string, PreferenceChange>();
        foreach (var type in body.EnumerateObject())
        {
            if (NotificationType.Find(type.Name) is null)
                return Error.Invalid(type.Name, $"{type.Name} is not a notification type; use one of: {NotificationTypeRule.Codes}.");
            if (type.Value.ValueKind != JsonValueKind.Object)
                return Error.Invalid(type.Name, $"{type.Name} must be an object with {InApp}, {Live} or both.");

            var change = new PreferenceChange(null, null);
            foreach (var setting in type.Value.EnumerateObject())
            {
                var field = $"{type.Name}.{setting.Name}";
                if (setting.Name is not (InApp or Live)) return Error.Invalid(field, $"{field} is not a setting; use {InApp} or {Live}.");
                if (setting.Value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                    return Error.Invalid(field, $"{field} must be true or false.");
                var on = setting.Value.GetBoolean();
                change = setting.Name == InApp ? change with { InApp = on } : change with { Live = on };
            }

            changes[type.Name] = change;
        }

        return changes;
    }
}
