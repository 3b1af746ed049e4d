using EnhanceFund.BuildingBlocks.Domain;

namespace EnhanceFund.Notifications.Application;

internal static class NotificationErrors
{
    // Someone else's notification gets the same answer as a missing one: its existence is not ours to reveal.
    public static readonly Error NotFound = Error.NotFound("Notification not found.");
}
