namespace EnhanceFund.Notifications.Domain;

/// <summary>
/// How many of a user's notifications have one type and one read state. Kept by a database trigger in the
/// same transaction as every insert and read-state change, so counts answer from at most 16 rows per user
/// however many notifications there are.
/// </summary>
public sealed class NotificationCount
{
    public long UserId { get; private set; }

    public string NotificationType { get; private set; } = "";

    public bool IsRead { get; private set; }

    public int Count { get; private set; }
}
