using EnhanceFund.Notifications.Domain;

namespace EnhanceFund.Notifications.Endpoints;

internal static class NotificationTypeRule
{
    /// <summary>The contract's type codes, for messages that name what is allowed.</summary>
    public static readonly string Codes = string.Join(", ", NotificationType.All.Select(t => t.Code));

    /// <summary>Absent, or one of the contract's notification types.</summary>
    public static IRuleBuilderOptions<T, string?> MustBeNotificationTypeOrAbsent<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(t => t is null || NotificationType.Find(t) is not null)
            .WithMessage($"Type must be one of: {Codes}.");
}
