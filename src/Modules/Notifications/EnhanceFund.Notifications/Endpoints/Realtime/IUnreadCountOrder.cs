using EnhanceFund.Notifications.Application;

namespace EnhanceFund.Notifications.Endpoints.Realtime;

/// <summary>
/// The newest unread count of each user that any instance is pushing, so that the last count every tab hears is the
/// newest. Two instances' pushes to one user are not ordered with each other: each reads its count after its own
/// commit, and the older count can reach the backplane last and stay on every tab. So a sender records its count
/// first (or learns of a newer one, and leaves the push to that one's sender), publishes it, then asks whether a newer
/// one was recorded meanwhile and publishes that too. The last publish is then the newest count: its sender found none
/// newer after publishing, and a count recorded after that is published later still, by its own sender.
/// </summary>
public interface IUnreadCountOrder
{
    /// <summary>Records the count as the user's newest and returns null; or, if a newer one is recorded, leaves it and returns it.</summary>
    Task<VersionedUnreadCount?> RecordAsync(long userId, VersionedUnreadCount count);

    /// <summary>The user's recorded count, if it is newer than <paramref name="count"/>.</summary>
    Task<VersionedUnreadCount?> NewerThanAsync(long userId, VersionedUnreadCount count);
}
