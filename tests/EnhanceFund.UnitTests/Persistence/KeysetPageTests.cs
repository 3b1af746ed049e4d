using EnhanceFund.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EnhanceFund.UnitTests.Persistence;

public sealed class KeysetPageTests
{
    private static readonly IQueryable<Row> Rows = new[] { 3L, 9L, 1L, 7L, 5L }.Select(id => new Row(id)).AsQueryable();

    [Fact]
    public void A_page_is_the_rows_older_than_the_cursor_newest_first_and_one_more()
    {
        Assert.Equal([9L, 7L, 5L], Rows.NewestFirst(r => r.Id, null, 2).Select(r => r.Id));
        Assert.Equal([5L, 3L, 1L], Rows.NewestFirst(r => r.Id, 7, 2).Select(r => r.Id));
        Assert.Equal([1L], Rows.NewestFirst(r => r.Id, 3, 2).Select(r => r.Id));
    }

    [Fact]
    public void The_extra_row_is_cut_and_the_last_row_kept_is_the_next_cursor()
    {
        var (items, next) = KeysetPage.Cut(Rows.NewestFirst(r => r.Id, null, 2).ToList(), 2, r => r.Id);
        Assert.Equal([9L, 7L], items.Select(r => r.Id));
        Assert.Equal(7L, next);

        var (last, none) = KeysetPage.Cut(Rows.NewestFirst(r => r.Id, 3, 2).ToList(), 2, r => r.Id);
        Assert.Equal([1L], last.Select(r => r.Id));
        Assert.Null(none);
    }

    [Fact]
    public void The_cursor_reaches_the_database_as_a_parameter_so_every_page_is_one_query_shape()
    {
        using var db = new RowsContext();

        var sql = db.Rows.NewestFirst(r => r.Id, 424242, 50).ToQueryString();

        // ToQueryString names each parameter's value in a comment above the query; the query itself holds no value.
        var query = sql[sql.IndexOf("SELECT", StringComparison.Ordinal)..];
        Assert.Contains("< @", query);
        Assert.DoesNotContain("424242", query);
    }

    public sealed record Row(long Id);

    private sealed class RowsContext : DbContext
    {
        public DbSet<Row> Rows => Set<Row>();

        protected override void OnConfiguring(DbContextOptionsBuilder options) => options.UseNpgsql("Host=localhost");
    }
}
