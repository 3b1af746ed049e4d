using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace EnhanceFund.Notifications.Infrastructure;

/// <summary>
/// Each user's unread count, kept in this instance between changes: the most polled route of the API answers without
/// a round trip to PostgreSQL. A count is only ever forgotten, never updated in place, so what is served is always a
/// count PostgreSQL answered after the last change this instance has heard of. Changes are heard from
/// <see cref="UnreadCountListener"/> (PostgreSQL's NOTIFY, sent by the commit of every change, whichever instance or
/// job made it) and, before this instance answers a request that changed a count, from the request itself.
/// While the listener is not listening nothing is kept: every read goes to PostgreSQL.
/// </summary>
internal sealed class UnreadCountCache
{
    private static readonly Meter Meter = new("EnhanceFund.Notifications.UnreadCounts");
    private static readonly Counter<long> Reads = Meter.CreateCounter<long>(
        "notifications.unread_count.reads", unit: "{read}", description: "Unread counts read, by where they came from (cache or database).");

    // One version per stripe of users, moved by every forget: a count read from PostgreSQL while a change of one of
    // those users was heard may be older than that change, so it is not kept.
    private const int Stripes = 1024;
    private readonly long[] _versions = new long[Stripes];
    private readonly ConcurrentDictionary<long, int> _counts = new();
    private readonly int _maxUsers;
    private bool _listening;

    public UnreadCountCache(int maxUsers = 100_000) => _maxUsers = maxUsers;

    public async Task<int> GetAsync(long userId, Func<CancellationToken, Task<int>> read, CancellationToken cancellationToken)
    {
        if (_counts.TryGetValue(userId, out var cached))
        {
            Reads.Add(1, new KeyValuePair<string, object?>("source", "cache"));
            return cached;
        }

        var stripe = Stripe(userId);
        var before = Volatile.Read(ref _versions[stripe]);
        var listening = Volatile.Read(ref _listening);
        var count = await read(cancellationToken);
        Reads.Add(1, new KeyValuePair<string, object?>("source", "database"));
        if (!listening || _counts.Count >= _maxUsers) return count;

        // Kept, then checked: a forget that came after the read either moved the version already (seen here, so the
        // count is taken back) or comes after this check and removes it itself.
        var entry = new KeyValuePair<long, int>(userId, count);
        _counts[userId] = count;
        if (Volatile.Read(ref _versions[stripe]) != before || !Volatile.Read(ref _listening)) _counts.TryRemove(entry);
        return count;
    }

    /// <summary>The user's count changed, or may have: the next read asks PostgreSQL.</summary>
    public void Forget(long userId)
    {
        Interlocked.Increment(ref _versions[Stripe(userId)]);
        _counts.TryRemove(userId, out _);
    }

    /// <summary>Changes are heard from now on: counts read from now on may be kept.</summary>
    public void Listening()
    {
        ForgetAll();
        Volatile.Write(ref _listening, true);
    }

    /// <summary>Changes may go unheard from now on: nothing is kept, every read asks PostgreSQL.</summary>
    public void NotListening()
    {
        Volatile.Write(ref _listening, false);
        ForgetAll();
    }

    private void ForgetAll()
    {
        for (var stripe = 0; stripe < Stripes; stripe++) Interlocked.Increment(ref _versions[stripe]);
        _counts.Clear();
    }

    private static int Stripe(long userId) => (int)((ulong)userId % Stripes);
}
