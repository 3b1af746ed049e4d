using System.Globalization;
using EnhanceFund.IntegrationTests.Infrastructure;

namespace EnhanceFund.IntegrationTests;

/// <summary>A Host whose cleanup job looks twice a second and deletes at most 10 rows per statement.</summary>
public sealed class ShortCleanupFixture : HostFixture
{
    public const int BatchSize = 10;

    protected override IDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Outbox:CleanupInterval"] = "00:00:00.500",
        ["Outbox:CleanupBatchSize"] = BatchSize.ToString(CultureInfo.InvariantCulture),
    };
}

public sealed class CleanupTests(ShortCleanupFixture fixture) : IClassFixture<ShortCleanupFixture>
{
    /// <summary>The tables the job cleans, each with the column whose age decides.</summary>
    private static readonly (string Table, string AgedBy)[] Tables =
        [("wallet.outbox_messages", "processed_at"), ("notifications.inbox_messages", "processed_at"), ("wallet.idempotency_records", "created_at")];

    [Fact]
    public async Task Expired_outbox_inbox_and_idempotency_rows_go_in_bounded_batches_and_fresh_ones_stay()
    {
        var ledger = new Ledger(fixture.Database);
        var user = await ApiClient.RegisterAsync(fixture.Http);
        for (var i = 1; i <= 25; i++) await user.PostAsync("/api/wallet/deposits", new { amount = i }, idempotencyKey: $"old-{i}");
        await user.NotificationsEventuallyAsync(25);
        await ledger.RecordDeletesPerStatementAsync([.. Tables.Select(t => t.Table)]);

        // A month old: past both retentions (7 days); a pending outbox row (no processed_at) stays pending. Each update's
        // count is what the cleanup must delete.
        var aged = new Dictionary<string, int>();
        foreach (var (table, agedBy) in Tables)
            aged[table] = await ledger.ExecuteAsync($"UPDATE {table} SET {agedBy} = now() - interval '30 days' WHERE {agedBy} IS NOT NULL");
        Assert.All(aged.Values, n => Assert.True(n >= 25, $"only {n} rows aged"));
        for (var i = 1; i <= 3; i++) await user.PostAsync("/api/wallet/deposits", new { amount = i }, idempotencyKey: $"new-{i}");
        await user.NotificationsEventuallyAsync(28);

        foreach (var (table, agedBy) in Tables)
        {
            var count = aged[table];
            await Eventually.ReturnsAsync(
                () => ledger.CountAsync($"SELECT count(*) FROM {table} WHERE {agedBy} < now() - interval '1 day'"), n => n == 0,
                $"the expired rows of {table} deleted", TimeSpan.FromSeconds(30));
            Assert.Equal(count, await ledger.CountAsync($"SELECT coalesce(sum(deleted), 0) FROM public.deletes_per_statement WHERE tab = '{table}'"));
            Assert.InRange(await ledger.CountAsync($"SELECT max(deleted) FROM public.deletes_per_statement WHERE tab = '{table}'"), 1, ShortCleanupFixture.BatchSize);
        }

        // The fresh keys' outcomes and the fresh events' rows are kept.
        Assert.Equal(3, await ledger.CountAsync("SELECT count(*) FROM wallet.idempotency_records"));
        Assert.True(await ledger.CountAsync("SELECT count(*) FROM wallet.outbox_messages WHERE processed_at IS NOT NULL") >= 3);
        Assert.True(await ledger.CountAsync("SELECT count(*) FROM notifications.inbox_messages") >= 3);
    }
}
