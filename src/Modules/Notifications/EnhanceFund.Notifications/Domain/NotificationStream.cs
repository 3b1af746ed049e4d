namespace EnhanceFund.Notifications.Domain;

/// <summary>
/// The last <see cref="Notification.Seq"/> handed out to a user. Only the insert trigger moves it, always forward: a
/// deleted notification leaves a hole, its seq is never given again.
/// </summary>
public sealed class NotificationStream
{
    public long UserId { get; private set; }

    public long LastSeq { get; private set; }
}
