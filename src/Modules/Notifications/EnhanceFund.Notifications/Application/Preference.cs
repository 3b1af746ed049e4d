using EnhanceFund.Notifications.Domain;
using EnhanceFund.Notifications.Infrastructure;

namespace EnhanceFund.Notifications.Application;

/// <summary>One type's settings as the API shows them: <c>{"in_app": true, "live": true}</c>.</summary>
public sealed record Preference(bool InApp, bool Live);

/// <summary><c>{"preferences": {"&lt;notification_type&gt;": {...}}}</c>: every type's settings, over REST and pushed.</summary>
public sealed record PreferencesData(IReadOnlyDictionary<string, Preference> Preferences);

internal static class PreferenceSets
{
    /// <summary>Every notification type's settings for the user, in the contract's order; both on where never changed.</summary>
    public static async Task<IReadOnlyDictionary<string, Preference>> PreferencesAsync(
        this NotificationsDbContext db, long userId, CancellationToken cancellationToken)
    {
        var changed = await db.Preferences.AsNoTracking().Where(p => p.UserId == userId)
            .ToDictionaryAsync(p => p.NotificationType, cancellationToken);
        return NotificationType.All.ToDictionary(
            t => t.Code,
            t => changed.TryGetValue(t.Code, out var p) ? new Preference(p.InApp, p.Live) : new Preference(true, true));
    }
}
