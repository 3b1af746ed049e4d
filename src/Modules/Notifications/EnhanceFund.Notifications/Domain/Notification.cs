namespace EnhanceFund.Notifications.Domain;

/// <summary>
/// One message to one user about one business event. (SourceEventId, UserId, Type) is unique, so even a
/// redelivered event cannot tell anyone the same thing twice.
/// </summary>
public sealed class Notification
{
    private Notification() { }

    public long Id { get; private set; }

    public long UserId { get; private set; }

    /// <summary>
    /// Its position in its user's stream: 1, 2, 3, ... with no gaps, in commit order. The insert trigger assigns it,
    /// so a client that holds every seq up to N knows it has missed nothing up to N.
    /// </summary>
    public long Seq { get; private set; }

    public string Type { get; private set; } = "";

    public string Title { get; private set; } = "";

    public string Message { get; private set; } = "";

    public bool IsRead { get; private set; }

    /// <summary>Out of the default list and of every count. An archived notification is always read.</summary>
    public bool IsArchived { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public long? RelatedId { get; private set; }

    public string? RelatedType { get; private set; }

    public Guid SourceEventId { get; private set; }

    public static Notification Create(
        Guid sourceEventId, long userId, NotificationType type, string title, string message, long relatedId, DateTimeOffset now) =>
        new()
        {
            SourceEventId = sourceEventId,
            UserId = userId,
            Type = type.Code,
            Title = title,
            Message = message,
            RelatedId = relatedId,
            RelatedType = type.RelatedType,
            CreatedAt = now,
        };

    /// <summary>
    /// Applies a change of read and archived state; either may be left as it is (null). Archiving marks read: an
    /// archived notification counts nowhere, so an unread one would be a count no one can see.
    /// </summary>
    public Error? Change(bool? isRead, bool? isArchived)
    {
        if (isArchived == true && isRead == false)
            return Error.Invalid("is_read", "Archiving marks a notification read: is_read false cannot go with is_archived true.");
        if (IsArchived && isArchived is null && isRead == false)
            return Error.Conflict("An archived notification stays read: unarchive it (is_archived false) to mark it unread.", "is_read");
        IsArchived = isArchived ?? IsArchived;
        IsRead = IsArchived || (isRead ?? IsRead);
        return null;
    }
}
