namespace EnhanceFund.Notifications.Domain;

/// <summary>
/// The last <see cref="Notification.Seq"/> handed out to a user, and the last time a notification was dated with. Only
/// the insert trigger moves them, always forward: a deleted notification leaves a hole, its seq is never given again,
/// and a notification never carries a time earlier than the one before it in the user's stream.
/// </summary>
public sealed class NotificationStream
{
    public long UserId { get; private set; }

    public long LastSeq { get; private set; }

    public DateTimeOffset? LastCreatedAt { get; private set; }
}
