using EnhanceFund.IntegrationTests.Infrastructure;

namespace EnhanceFund.IntegrationTests;

/// <summary>A Host that keeps notifications for a day, looks every second, and deletes at most 100 per transaction.</summary>
public sealed class ShortRetentionFixture : HostFixture
{
    public const int BatchSize = 100;

    protected override IDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Notifications:Retention"] = "1.00:00:00",
        ["Notifications:RetentionInterval"] = "00:00:01",
        ["Notifications:RetentionBatchSize"] = BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

public sealed class RetentionTests(ShortRetentionFixture fixture) : IClassFixture<ShortRetentionFixture>
{
    [Fact]
    public async Task Notifications_older_than_the_retention_are_deleted_in_bounded_batches_and_every_count_stays_right()
    {
        var ledger = new Ledger(fixture.Database);
        var user = await ApiClient.WithNotificationsAsync(fixture.Http, deposits: 2);
        var other = await ApiClient.WithNotificationsAsync(fixture.Http, deposits: 1);
        await using var tab = await LiveClient.ConnectAsync(fixture.Host.Address, user.Token);
        var countsBefore = (await tab.UnreadCountEventuallyAsync(2)).Length;
        await ledger.RecordDeletesPerStatementAsync("notifications.notifications");

        // A backlog of 350 notifications per user, through the same triggers as any insert, then made two days old (an
        // insert is dated no earlier than the user's newest); some read, some archived.
        await ledger.ExecuteAsync(
            $"""
            INSERT INTO notifications.notifications
                (user_id, notification_type, title, message, is_read, created_at, related_id, related_type, source_event_id)
            SELECT u, CASE WHEN i % 2 = 0 THEN 'fund_added' ELSE 'fund_withdrawn' END, 'Old', 'Old news', i % 3 = 0,
                   now(), i, 'transaction', gen_random_uuid()
            FROM unnest(ARRAY[{user.UserId}, {other.UserId}]) AS u, generate_series(1, 350) AS i;
            UPDATE notifications.notifications SET created_at = now() - interval '2 days' WHERE title = 'Old';
            UPDATE notifications.notifications SET is_archived = true, is_read = true WHERE title = 'Old' AND related_id % 5 = 0;
            """);

        var oldOnes = "SELECT count(*) FROM notifications.notifications WHERE created_at < now() - interval '1 day'";
        await Eventually.ReturnsAsync(() => ledger.CountAsync(oldOnes), n => n == 0, "the backlog deleted", TimeSpan.FromSeconds(60));

        Assert.Equal(0, await ledger.WrongNotificationCountersAsync());
        Assert.Equal(3, await ledger.CountAsync("SELECT count(*) FROM notifications.notifications"));
        Assert.Equal(700, await ledger.CountAsync("SELECT sum(deleted) FROM public.deletes_per_statement"));
        Assert.InRange(await ledger.CountAsync("SELECT max(deleted) FROM public.deletes_per_statement"), 1, ShortRetentionFixture.BatchSize);
        var page = (await user.GetAsync("/api/notifications")).Data;
        Assert.Equal(2, page["unread_count"]!.GetValue<int>());
        Assert.Equal(2, page["total_count"]!.GetValue<int>());
        Assert.Equal(0, (await user.GetAsync("/api/notifications?archived=true")).Data["total_count"]!.GetValue<int>());
        // The open tab was told of the unread ones that went (the backlog was never pushed: it was 2 before and after).
        await Eventually.ReturnsAsync(() => tab.UnreadCounts.ToArray(), c => c.Length > countsBefore && c[^1] == 2, "a count pushed after the deletions");
    }
}
