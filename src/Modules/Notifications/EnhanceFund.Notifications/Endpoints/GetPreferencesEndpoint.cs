using EnhanceFund.Notifications.Application;

namespace EnhanceFund.Notifications.Endpoints;

internal sealed class GetPreferencesEndpoint(IMediator mediator) : GetOwnEndpoint<IReadOnlyDictionary<string, Preference>, PreferencesData>(
    mediator, "/api/notifications/preferences",
    "The signed-in user's settings per notification type: stored in the list (in_app), pushed live (live)",
    "Notification preferences retrieved successfully",
    userId => new GetPreferences(userId), preferences => new PreferencesData(preferences));
