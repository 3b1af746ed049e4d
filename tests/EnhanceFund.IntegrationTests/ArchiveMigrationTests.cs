using System.Net;
using EnhanceFund.IntegrationTests.Infrastructure;
using EnhanceFund.Notifications.Infrastructure;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace EnhanceFund.IntegrationTests;

/// <summary>The ArchiveDeleteAndPreferences migration goes down and up again with every counter right.</summary>
public sealed class ArchiveMigrationTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private const string Before = "20261201134218_OrderedCounterLocks";

    // The counters of the version before archiving, keyed by user, type and read state only.
    private const string WrongCountersWithoutArchive =
        """
        SELECT count(*) FROM (
            SELECT user_id, notification_type, is_read, count(*) AS counted FROM notifications.notifications
            GROUP BY user_id, notification_type, is_read
        ) rows
        FULL JOIN notifications.notification_counts c USING (user_id, notification_type, is_read)
        WHERE coalesce(rows.counted, 0) <> coalesce(c.count, 0)
        """;

    [Fact]
    public async Task Going_down_folds_archived_counts_back_and_going_up_again_keeps_every_counter_right()
    {
        var ledger = new Ledger(fixture.Database);
        var user = await ApiClient.WithNotificationsAsync(fixture.Http, deposits: 4);
        var ids = (await user.NotificationsAsync()).Ids();
        await user.PatchAsync($"/api/notifications/{ids[0]}", new { is_archived = true });
        await user.DeleteAsync($"/api/notifications/{ids[1]}");
        // A read mark, written into the rows on the way down (the versions before ReadMarks know none).
        await user.PostAsync("/api/notifications/mark-all-read");

        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var migrator = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>().GetService<IMigrator>();
        await migrator.MigrateAsync(Before);
        Assert.Equal(0, await ledger.CountAsync(WrongCountersWithoutArchive));
        Assert.Equal(0, await ledger.CountAsync($"SELECT count(*) FROM notifications.notifications WHERE user_id = {user.UserId} AND NOT is_read"));
        // The triggers of that version are back: a read toggle still moves the counters.
        await ledger.ExecuteAsync($"UPDATE notifications.notifications SET is_read = NOT is_read WHERE id = {ids[2]}");
        Assert.Equal(0, await ledger.CountAsync(WrongCountersWithoutArchive));

        await migrator.MigrateAsync();
        Assert.Equal(0, await ledger.WrongNotificationCountersAsync());
        await user.PatchAsync($"/api/notifications/{ids[3]}", new { is_archived = true });
        Assert.Equal(HttpStatusCode.OK, (await user.DeleteAsync($"/api/notifications/{ids[2]}")).Status);
        Assert.Equal(0, await ledger.WrongNotificationCountersAsync());
        var listed = (await user.GetAsync("/api/notifications")).Data;
        Assert.Equal(1, listed["total_count"]!.GetValue<int>());
        Assert.Equal(0, listed["unread_count"]!.GetValue<int>());
    }
}
