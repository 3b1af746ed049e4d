using System.Collections.Concurrent;

namespace EnhanceFund.Notifications.Endpoints.Realtime;

/// <summary>The hub connections open on this instance: the ones it reaches without the backplane.</summary>
internal sealed class LocalConnections
{
    private readonly ConcurrentDictionary<string, byte> _ids = new();

    public IEnumerable<string> Ids => _ids.Keys;

    public void Add(string connectionId) => _ids.TryAdd(connectionId, 0);

    public void Remove(string connectionId) => _ids.TryRemove(connectionId, out _);
}
