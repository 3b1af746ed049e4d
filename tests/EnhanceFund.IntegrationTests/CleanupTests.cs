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
    private static readonly string[] Tables = ["wallet.outbox_messages", "notifications.inbox_messages", "wallet.idempotency_records"];

    [Fact]
    public async Task Expired_outbox_inbox_and_idempotency_rows_go_in_bounded_batches_and_fresh_ones_stay()
    {
        var ledger = new Ledger(fixture.Database);
        var user = await ApiClient.RegisterAsync(fixture.Http);
        for (var i = 1; i <= 25; i++) await user.PostAsync("/api/wallet/deposits", new { amount = i }, idempotencyKey: $"old-{i}");
        await user.NotificationsEventuallyAsync(25);
        await ledger.RecordDeletesPerStatementAsync(Tables);

        // A month old: past both retentions (7 days). Each update's count is what the cleanup must delete.
        var aged = new Dictionary<string, int>
        {
            [Tables[0]] = await ledger.ExecuteAsync($"UPDATE {Tables[0]} SET processed_at = now() - interval '30 days' WHERE processed_at IS NOT NULL"),
            [Tables[1]] = await ledger.ExecuteAsync($"UPDATE {Tables[1]} SET processed_at = now() - interval '30 days'"),
            [Tables[2]] = await ledger.ExecuteAsync($"UPDATE {Tables[2]} SET created_at = now() - interval '30 days'"),
        };
        Assert.All(aged.Values, n => Assert.True(n >= 25, $"only {n} rows aged"));
        for (var i = 1; i <= 3; i++) await user.PostAsync("/api/wallet/deposits", new { amount = i }, idempotencyKey: $"new-{i}");
        await user.NotificationsEventuallyAsync(28);

        foreach (var (table, count) in aged)
        {
            var column = table.EndsWith("idempotency_records", StringComparison.Ordinal) ? "created_at" : "processed_at";
            await Eventually.ReturnsAsync(
                () => ledger.CountAsync($"SELECT count(*) FROM {table} WHERE {column} < now() - interval '1 day'"), n => n == 0,
                $"the expired rows of {table} deleted", TimeSpan.FromSeconds(30));
            Assert.Equal(count, await ledger.CountAsync($"SELECT coalesce(sum(deleted), 0) FROM public.deletes_per_statement WHERE tab = '{table}'"));
            Assert.InRange(await ledger.CountAsync($"SELECT max(deleted) FROM public.deletes_per_statement WHERE tab = '{table}'"), 1, ShortCleanupFixture.BatchSize);
        }

        // The fresh keys' outcomes and the fresh events' rows are kept.
        Assert.Equal(3, await ledger.CountAsync($"SELECT count(*) FROM {Tables[2]}"));
        Assert.True(await ledger.CountAsync($"SELECT count(*) FROM {Tables[0]} WHERE processed_at IS NOT NULL") >= 3);
        Assert.True(await ledger.CountAsync($"SELECT count(*) FROM {Tables[1]}") >= 3);
    }
}
