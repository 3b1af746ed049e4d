namespace EnhanceFund.Notifications.Domain;

/// <summary>
/// How a user wants one type of notification: stored in their list at all (<see cref="InApp"/>), and if so pushed
/// live as it arrives (<see cref="Live"/>). A user without a row for a type has both on.
/// </summary>
public sealed class NotificationPreference
{
    private NotificationPreference() { }

    public long UserId { get; private set; }

    public string NotificationType { get; private set; } = "";

    public bool InApp { get; private set; } = true;

    public bool Live { get; private set; } = true;

    public static NotificationPreference Default(long userId, NotificationType type) =>
        new() { UserId = userId, NotificationType = type.Code };

    /// <summary>Changes what the request names; null leaves a setting as it is.</summary>
    public void Change(bool? inApp, bool? live)
    {
        InApp = inApp ?? InApp;
        Live = live ?? Live;
    }
}
