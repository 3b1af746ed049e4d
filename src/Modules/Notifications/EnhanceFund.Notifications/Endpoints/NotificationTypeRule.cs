using EnhanceFund.Notifications.Domain;
using FluentValidation;

namespace EnhanceFund.Notifications.Endpoints;

internal static class NotificationTypeRule
{
    /// <summary>Absent, or one of the contract's notification types.</summary>
    public static IRuleBuilderOptions<T, string?> MustBeNotificationTypeOrAbsent<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(t => t is null || NotificationType.Find(t) is not null)
            .WithMessage($"Type must be one of: {string.Join(", ", NotificationType.All.Select(t => t.Code))}.");
}
