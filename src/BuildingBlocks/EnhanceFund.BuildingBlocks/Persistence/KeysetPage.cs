using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace EnhanceFund.BuildingBlocks.Persistence;

/// <summary>
/// Keyset paging by id, newest first: the <c>?limit=&amp;before_id=</c> of every list. A page is the rows older than the
/// cursor, newest first, fetched with one row more than asked: that extra row's existence is what tells whether an older
/// page exists, without a count, and the last row kept is the next page's cursor.
/// </summary>
public static class KeysetPage
{
    /// <summary>
    /// Reads one page and maps its rows: the whole of a plain newest-first list
    /// (<c>loans.ToNewestFirstPageAsync(l =&gt; l.Id, beforeId, limit, LoanDto.From, ct)</c>).
    /// </summary>
    public static async Task<(IReadOnlyList<TItem> Items, long? NextBeforeId)> ToNewestFirstPageAsync<T, TItem>(
        this IQueryable<T> rows, Expression<Func<T, long>> id, long? beforeId, int limit, Func<T, TItem> map,
        CancellationToken cancellationToken)
    {
        var fetched = await rows.NewestFirst(id, beforeId, limit).ToListAsync(cancellationToken);
        var (page, nextBeforeId) = Cut(fetched, limit, IdReader<T>.Of(id));
        return (page.Select(map).ToList(), nextBeforeId);
    }

    /// <summary>
    /// The rows a page is cut from: those older than <paramref name="beforeId"/> (all of them when it is null), newest
    /// first, one more than <paramref name="limit"/>. For a list that shapes its rows further before <see cref="Cut{T}"/>.
    /// </summary>
    public static IQueryable<T> NewestFirst<T>(this IQueryable<T> rows, Expression<Func<T, long>> id, long? beforeId, int limit)
    {
        if (beforeId is { } before)
        {
            // Read from an object, not written in as a constant, so the database sees a parameter and one query shape.
            var olderThan = Expression.LessThan(id.Body, Expression.Property(Expression.Constant(new Cursor(before)), nameof(Cursor.BeforeId)));
            rows = rows.Where(Expression.Lambda<Func<T, bool>>(olderThan, id.Parameters));
        }

        return rows.OrderByDescending(id).Take(limit + 1);
    }

    /// <summary>What <see cref="NewestFirst{T}"/> fetched, cut to the page, and the next page's cursor (null on the last page).</summary>
    public static (IReadOnlyList<T> Items, long? NextBeforeId) Cut<T>(IReadOnlyList<T> fetched, int limit, Func<T, long> id)
    {
        if (fetched.Count <= limit) return (fetched, null);
        var items = fetched.Take(limit).ToList();
        return (items, id(items[^1]));
    }

    private sealed record Cursor(long BeforeId);

    /// <summary>The id selector as a delegate, compiled once per property (it is almost always <c>x =&gt; x.Id</c>).</summary>
    private static class IdReader<T>
    {
        private static readonly ConcurrentDictionary<MemberInfo, Func<T, long>> ByMember = new();

        public static Func<T, long> Of(Expression<Func<T, long>> id) =>
            id.Body is MemberExpression { Expression: ParameterExpression, Member: var member }
                ? ByMember.GetOrAdd(member, _ => id.Compile())
                : id.Compile();
    }
}
