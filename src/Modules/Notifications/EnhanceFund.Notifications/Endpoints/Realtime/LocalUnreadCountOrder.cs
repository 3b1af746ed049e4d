using EnhanceFund.Notifications.Application;
using Microsoft.Extensions.Caching.Memory;

namespace EnhanceFund.Notifications.Endpoints.Realtime;

/// <summary>
/// The order of an instance without a backplane, which is the only one pushing: its dispatcher's threads read counts
/// in one order and may send them in another. A count is remembered for a minute, far longer than any send takes.
/// </summary>
internal sealed class LocalUnreadCountOrder : IUnreadCountOrder, IDisposable
{
    private static readonly TimeSpan Remembered = TimeSpan.FromMinutes(1);

    private readonly MemoryCache _newest = new(new MemoryCacheOptions());
    private readonly Lock _gate = new();

    public Task<VersionedUnreadCount?> RecordAsync(long userId, VersionedUnreadCount count)
    {
        lock (_gate)
        {
            if (Newer(userId, count) is { } newer) return Task.FromResult<VersionedUnreadCount?>(newer);
            _newest.Set(userId, count, Remembered);
            return Task.FromResult<VersionedUnreadCount?>(null);
        }
    }

    public Task<VersionedUnreadCount?> NewerThanAsync(long userId, VersionedUnreadCount count)
    {
        lock (_gate) return Task.FromResult(Newer(userId, count));
    }

    private VersionedUnreadCount? Newer(long userId, VersionedUnreadCount count) =>
        _newest.TryGetValue(userId, out VersionedUnreadCount recorded) && recorded.ReadIn.IsLaterThan(count.ReadIn) ? recorded : null;

    public void Dispose() => _newest.Dispose();
}
