using System.Linq.Expressions;
using EnhanceFund.BuildingBlocks.Domain;
using Microsoft.EntityFrameworkCore;

namespace EnhanceFund.BuildingBlocks.Persistence;

/// <summary>Queries whose answer is a <see cref="Result{T}"/>: the get-one use cases.</summary>
public static class QueryableResults
{
    /// <summary>
    /// The one row <paramref name="which"/> names, mapped; or <paramref name="missing"/> (most often a not-found error)
    /// when there is none among <paramref name="rows"/>, which are what the caller may see.
    /// </summary>
    public static async Task<Result<TItem>> SingleOrErrorAsync<T, TItem>(
        this IQueryable<T> rows, Expression<Func<T, bool>> which, Error missing, Func<T, TItem> map, CancellationToken cancellationToken)
        where T : class
    {
        var row = await rows.SingleOrDefaultAsync(which, cancellationToken);
        return row is null ? missing : map(row);
    }
}
