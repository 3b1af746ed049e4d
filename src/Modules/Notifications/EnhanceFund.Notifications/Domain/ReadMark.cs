namespace EnhanceFund.Notifications.Domain;

/// <summary>
/// "Every notification of this type up to this seq is read": what marking all read writes, one row per type, instead
/// of rewriting each notification. A notification is read when its own flag or its mark says so.
/// </summary>
public sealed class ReadMark
{
    public long UserId { get; private set; }

    public string NotificationType { get; private set; } = "";

    public long ReadUpToSeq { get; private set; }
}
