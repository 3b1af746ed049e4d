using MediatR;

namespace EnhanceFund.Notifications.Application.ListNotifications;

/// <summary>
/// A page of the user's notifications: newest first, or with <c>AfterSeq</c> (or <c>AfterId</c>) the newer ones oldest
/// first (catch-up).
/// </summary>
public sealed record ListNotifications(
    long UserId, bool? IsRead, string? Type, int Limit, long? BeforeId, long? AfterId, long? AfterSeq)
    : IRequest<NotificationPage>;

public sealed record NotificationPage(
    IReadOnlyList<NotificationDto> Notifications, int UnreadCount, int TotalCount, long? NextBeforeId);
