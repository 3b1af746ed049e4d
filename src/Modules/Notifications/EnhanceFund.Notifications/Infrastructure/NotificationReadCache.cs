using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace EnhanceFund.Notifications.Infrastructure;

/// <summary>
/// What the two most polled routes answer, kept in this instance between changes of the user's notifications: the
/// unread count and the first page of the list (newest first, no filter), so they answer without a round trip to
/// PostgreSQL. What is kept is only ever forgotten, never updated in place, so what is served is always something
/// PostgreSQL answered after the last change this instance has heard of. Changes are heard from
/// <see cref="NotificationChangeListener"/> (PostgreSQL's NOTIFY, sent by the commit of every change, whichever instance
/// or job made it) and, before this instance answers a request that changed something, from the request itself.
/// While the listener is not listening nothing is kept: every read goes to PostgreSQL.
/// </summary>
internal sealed class NotificationReadCache
{
    private const string MeterName = "EnhanceFund.Notifications.ReadCache";

    // One version per stripe of users, moved by every forget: a value read from PostgreSQL while a change of one of
    // those users was heard may be older than that change, so it is not kept.
    private const int Stripes = 1024;
    private readonly long[] _versions = new long[Stripes];
    private readonly Shelf<int> _unreadCounts;
    private readonly Shelf<(int Limit, object Page)> _firstPages;
    private bool _listening;

    /// <param name="meters">This application's meters, so that each instance (each test Host) counts its own reads.</param>
    /// <param name="maxUsers">Whose unread counts are kept at most.</param>
    /// <param name="maxFirstPages">Whose first pages are kept at most (a page weighs a hundred times a count).</param>
    public NotificationReadCache(IMeterFactory meters, int maxUsers = 100_000, int maxFirstPages = 10_000)
    {
        var meter = meters.Create(MeterName);
        _unreadCounts = new Shelf<int>(maxUsers, meter.CreateCounter<long>(
            "notifications.unread_count.reads", unit: "{read}", description: "Unread counts read, by where they came from (cache or database)."));
        _firstPages = new Shelf<(int, object)>(maxFirstPages, meter.CreateCounter<long>(
            "notifications.first_page.reads", unit: "{read}", description: "First pages of the list read, by where they came from (cache or database)."));
    }

    public Task<int> GetUnreadCountAsync(long userId, Func<CancellationToken, Task<int>> read, CancellationToken cancellationToken) =>
        GetAsync(_unreadCounts, userId, _ => true, read, cancellationToken);

    /// <summary>The user's first page of <paramref name="limit"/> notifications; a page kept for another limit is read again.</summary>
    public async Task<TPage> GetFirstPageAsync<TPage>(
        long userId, int limit, Func<CancellationToken, Task<TPage>> read, CancellationToken cancellationToken)
        where TPage : class
    {
        var kept = await GetAsync<(int Limit, object Page)>(
            _firstPages, userId, page => page.Limit == limit,
            async ct => (limit, (object)await read(ct)), cancellationToken);
        return (TPage)kept.Page;
    }

    /// <summary>The user's notifications changed, or may have: the next read of their count or first page asks PostgreSQL.</summary>
    public void Forget(long userId)
    {
        Interlocked.Increment(ref _versions[Stripe(userId)]);
        _unreadCounts.Kept.TryRemove(userId, out _);
        _firstPages.Kept.TryRemove(userId, out _);
    }

    /// <summary>Changes are heard from now on: what is read from now on may be kept.</summary>
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

    private async Task<T> GetAsync<T>(
        Shelf<T> shelf, long userId, Func<T, bool> fits, Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        if (shelf.Kept.TryGetValue(userId, out var cached) && fits(cached))
        {
            shelf.Reads.Add(1, new KeyValuePair<string, object?>("source", "cache"));
            return cached;
        }

        var stripe = Stripe(userId);
        var before = Volatile.Read(ref _versions[stripe]);
        var listening = Volatile.Read(ref _listening);
        var value = await read(cancellationToken);
        shelf.Reads.Add(1, new KeyValuePair<string, object?>("source", "database"));
        if (!listening || shelf.Kept.Count >= shelf.MaxUsers) return value;

        // Kept, then checked: a forget that came after the read either moved the version already (seen here, so the
        // value is taken back) or comes after this check and removes it itself.
        var entry = new KeyValuePair<long, T>(userId, value);
        shelf.Kept[userId] = value;
        if (Volatile.Read(ref _versions[stripe]) != before || !Volatile.Read(ref _listening)) shelf.Kept.TryRemove(entry);
        return value;
    }

    private void ForgetAll()
    {
        for (var stripe = 0; stripe < Stripes; stripe++) Interlocked.Increment(ref _versions[stripe]);
        _unreadCounts.Kept.Clear();
        _firstPages.Kept.Clear();
    }

    private static int Stripe(long userId) => (int)((ulong)userId % Stripes);

    /// <summary>One kind of value kept per user, with its bound and the counter of its reads.</summary>
    private sealed record Shelf<T>(int MaxUsers, Counter<long> Reads)
    {
        public ConcurrentDictionary<long, T> Kept { get; } = new();
    }
}
