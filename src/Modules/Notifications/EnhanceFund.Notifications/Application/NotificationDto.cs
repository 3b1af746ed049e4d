using EnhanceFund.Notifications.Domain;

namespace EnhanceFund.Notifications.Application;

/// <summary>
/// The notification object of docs/API.md (the original Django/Channels contract), plus <c>is_archived</c> and
/// <c>seq</c> (its position in its user's stream, for gap-free sync); REST and the SignalR push both send this.
/// </summary>
public sealed record NotificationDto(
    long Id,
    string NotificationType,
    string NotificationTypeDisplay,
    string Title,
    string Message,
    bool IsRead,
    bool IsArchived,
    DateTimeOffset CreatedAt,
    long? RelatedId,
    string? RelatedType,
    long Seq)
{
    public static NotificationDto From(Notification n) =>
        new(n.Id, n.Type, Domain.NotificationType.Find(n.Type)?.Display ?? n.Type, n.Title, n.Message, n.IsRead,
            n.IsArchived, n.CreatedAt, n.RelatedId, n.RelatedType, n.Seq);
}

/// <summary><c>{"notification": {...}}</c>: what one notification is sent as, over REST and pushed.</summary>
public sealed record NotificationData(NotificationDto Notification);
