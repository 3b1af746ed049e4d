namespace EnhanceFund.Notifications.Domain;

/// <summary>
/// How many of a user's notifications have one type, one read state and one archived state. Kept by a database trigger in the
/// same transaction as every insert, state change and delete, so counts answer from at most 24 rows per user (archived ones are always read)
/// however many notifications there are.
/// </summary>
public sealed class NotificationCount
{
    public long UserId { get; private set; }

    public string NotificationType { get; private set; } = "";

    public bool IsRead { get; private set; }

    public bool IsArchived { get; private set; }

    public int Count { get; private set; }
}
