namespace EnhanceFund.Notifications.Application;

/// <summary>
/// A user's changes to their notification center (read, archive, delete, preferences) are made one at a time on this
/// instance, each from its first statement until its push is queued. So the pushes leave in the order the changes
/// were committed: two at once would otherwise commit in one order and queue their pushes in the other, and every tab
/// would be left showing the state that lost. (Across instances no order is kept: docs/API.md.)
/// </summary>
internal sealed class CenterChangeGate
{
    private readonly Dictionary<long, Entry> _entries = [];

    /// <summary>The users whose changes are under way or waiting now.</summary>
    public int UsersHeld
    {
        get
        {
            lock (_entries) return _entries.Count;
        }
    }

    /// <summary>The user's changes under way or waiting now.</summary>
    public int ChangesOf(long userId)
    {
        lock (_entries) return _entries.TryGetValue(userId, out var entry) ? entry.Holders : 0;
    }

    public async Task<IDisposable> EnterAsync(long userId, CancellationToken cancellationToken)
    {
        Entry entry;
        lock (_entries)
        {
            if (!_entries.TryGetValue(userId, out entry!)) _entries[userId] = entry = new Entry();
            entry.Holders++;
        }

        try
        {
            await entry.Gate.WaitAsync(cancellationToken);
        }
        catch
        {
            Leave(userId, entry, entered: false);
            throw;
        }

        return new Passage(() => Leave(userId, entry, entered: true));
    }

    // Forgotten once no request holds or waits for it, so the map holds only the users changing something now.
    private void Leave(long userId, Entry entry, bool entered)
    {
        lock (_entries)
        {
            if (entered) entry.Gate.Release();
            if (--entry.Holders == 0) _entries.Remove(userId);
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public int Holders { get; set; }
    }

    private sealed class Passage(Action leave) : IDisposable
    {
        private Action? _leave = leave;

        public void Dispose() => Interlocked.Exchange(ref _leave, null)?.Invoke();
    }
}
