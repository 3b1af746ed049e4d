namespace EnhanceFund.Notifications.Contracts;

/// <summary>
/// Notifications publishes nothing other modules need (ARCHITECTURE.md), so this assembly holds no events yet;
/// it exists so the module has the same shape as every other and the registry and arch tests cover it.
/// </summary>
public static class NotificationsContracts;
