namespace EnhanceFund.Notifications.Application;

/// <summary>
/// A change the user made in one tab that their other tabs must show without a reload (the hub method and its one
/// argument). New notifications and unread counts have their own pushes; these are the rest.
/// </summary>
public sealed record CenterChange(string Method, object Payload)
{
    /// <summary>Its read or archived state changed: <c>{notification}</c>.</summary>
    public static CenterChange Updated(NotificationDto notification) => new("notification_updated", new NotificationData(notification));

    /// <summary>It is gone: <c>{id}</c>.</summary>
    public static CenterChange Deleted(long id) => new("notification_deleted", new NotificationDeletedData(id));

    /// <summary>The whole set after a change: <c>{preferences}</c>.</summary>
    public static CenterChange PreferencesChanged(IReadOnlyDictionary<string, Preference> preferences) => new("preferences", new PreferencesData(preferences));
}

/// <summary><c>{"id": 1}</c>: which notification is gone.</summary>
public sealed record NotificationDeletedData(long Id);
