using MediatR;

namespace EnhanceFund.Notifications.Application.ListNotifications;

/// <summary>
/// A page of the user's notifications, the archived ones or the others: newest first, or with <c>AfterSeq</c> (or
/// <c>AfterId</c>) the newer ones oldest first (catch-up).
/// </summary>
public sealed record ListNotifications(
    long UserId, bool Archived, bool? IsRead, string? Type, int Limit, long? BeforeId, long? AfterId, long? AfterSeq)
    : IRequest<NotificationPage>;

public sealed record NotificationPage(
    IReadOnlyList<NotificationDto> Notifications, int UnreadCount, int TotalCount, long? NextBeforeId);
