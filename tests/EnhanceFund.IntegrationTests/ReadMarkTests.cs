using System.Net;
using EnhanceFund.IntegrationTests.Infrastructure;
using Npgsql;

namespace EnhanceFund.IntegrationTests;

/// <summary>
/// Mark-all-read writes a read mark per type instead of rewriting rows: every read of a notification sees it read,
/// marking one unread again works, and a mark covers exactly the notifications that had committed.
/// </summary>
public sealed class ReadMarkTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task Marked_read_notifications_read_as_read_everywhere_and_one_marked_unread_again_is_the_only_unread_one()
    {
        var user = await ApiClient.WithNotificationsAsync(fixture.Http, deposits: 3, withdrawals: 1);
        var ids = (await user.NotificationsAsync()).Ids();
        var ledger = new Ledger(fixture.Database);

        var marked = await user.PostAsync("/api/notifications/mark-all-read");
        Assert.Equal(4, marked.Data["updated"]!.GetValue<int>());
        // The rows themselves were not rewritten: the marks say they are read.
        Assert.Equal(4, await ledger.CountAsync($"SELECT count(*) FROM notifications.notifications WHERE user_id = {user.UserId} AND NOT is_read"));
        Assert.All(await user.NotificationsAsync(), n => Assert.True(n!["is_read"]!.GetValue<bool>()));
        Assert.Empty((await user.NotificationsAsync("&is_read=false")).Ids());
        Assert.Equal(ids, (await user.NotificationsAsync("&is_read=true")).Ids());
        Assert.True((await user.GetAsync($"/api/notifications/{ids[1]}")).Data["notification"]!["is_read"]!.GetValue<bool>());
        Assert.Equal(0, await user.UnreadCountAsync());
        Assert.Equal(0, (await user.PostAsync("/api/notifications/mark-all-read")).Data["updated"]!.GetValue<int>());

        // Archiving one that only its mark made read: its own flag is written read too (an archived row must be).
        Assert.Equal(HttpStatusCode.OK, (await user.PatchAsync($"/api/notifications/{ids[0]}", new { is_archived = true })).Status);
        var unread = await user.PatchAsync($"/api/notifications/{ids[2]}", new { is_read = false });
        Assert.Equal(HttpStatusCode.OK, unread.Status);
        Assert.False(unread.Data["notification"]!["is_read"]!.GetValue<bool>());
        Assert.Equal([ids[2]], (await user.NotificationsAsync("&is_read=false")).Ids());
        Assert.Equal(1, await user.UnreadCountAsync());
        Assert.Equal(0, await ledger.WrongNotificationCountersAsync());

        // Deleting the unread one takes it off the unread count; a new one after the mark is unread.
        Assert.Equal(HttpStatusCode.OK, (await user.DeleteAsync($"/api/notifications/{ids[2]}")).Status);
        Assert.Equal(0, await user.UnreadCountAsync());
        await user.DepositAsync(5m);
        await Eventually.ReturnsAsync(user.UnreadCountAsync, count => count == 1, "the deposit after the mark is unread");
        Assert.Equal(0, await ledger.WrongNotificationCountersAsync());
    }

    [Fact]
    public async Task A_mark_unread_that_changes_nothing_keeps_the_marks_it_folded_so_the_next_does_not_fold_them_again()
    {
        var user = await ApiClient.WithNotificationsAsync(fixture.Http, deposits: 2);
        var ids = (await user.NotificationsAsync()).Ids();
        var ledger = new Ledger(fixture.Database);
        Assert.Equal(HttpStatusCode.OK, (await user.PostAsync("/api/notifications/mark-all-read")).Status);
        Assert.Equal(1, await ledger.CountAsync($"SELECT count(*) FROM notifications.read_marks WHERE user_id = {user.UserId}"));

        // An unknown id, then one archived (a 409): neither changes a thing, and each had to fold the marks first.
        Assert.Equal(HttpStatusCode.NotFound, (await user.PatchAsync("/api/notifications/999999999", new { is_read = false })).Status);
        Assert.Equal(0, await ledger.CountAsync($"SELECT count(*) FROM notifications.read_marks WHERE user_id = {user.UserId}"));
        Assert.Equal(2, await ledger.CountAsync($"SELECT count(*) FROM notifications.notifications WHERE user_id = {user.UserId} AND is_read"));

        await user.DepositAsync(5m);
        await Eventually.ReturnsAsync(user.UnreadCountAsync, count => count == 1, "the deposit after the fold is unread");
        Assert.Equal(HttpStatusCode.OK, (await user.PostAsync("/api/notifications/mark-all-read")).Status);
        Assert.Equal(1, await ledger.CountAsync($"SELECT count(*) FROM notifications.read_marks WHERE user_id = {user.UserId}"));
        Assert.Equal(HttpStatusCode.OK, (await user.PatchAsync($"/api/notifications/{ids[0]}", new { is_archived = true })).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await user.PatchAsync($"/api/notifications/{ids[0]}", new { is_read = false })).Status);
        Assert.Equal(0, await ledger.CountAsync($"SELECT count(*) FROM notifications.read_marks WHERE user_id = {user.UserId}"));

        // Read states are what they were, and so are the counters.
        Assert.Equal(3, await ledger.CountAsync($"SELECT count(*) FROM notifications.notifications WHERE user_id = {user.UserId} AND is_read"));
        Assert.Equal(0, await user.UnreadCountAsync());
        Assert.All(await user.NotificationsAsync("&archived=true"), n => Assert.True(n!["is_read"]!.GetValue<bool>()));
        Assert.Equal(0, await ledger.WrongNotificationCountersAsync());
    }

    [Fact]
    public async Task A_mark_of_one_type_leaves_the_other_types_unread()
    {
        var user = await ApiClient.WithNotificationsAsync(fixture.Http, deposits: 2, withdrawals: 1);

        var marked = await user.PostAsync("/api/notifications/mark-all-read?type=fund_added");

        Assert.Equal(2, marked.Data["updated"]!.GetValue<int>());
        Assert.Equal(["fund_withdrawn"], (await user.NotificationsAsync("&is_read=false")).Select(n => n!["notification_type"]!.GetValue<string>()));
        Assert.Equal(1, await user.UnreadCountAsync());
    }

    [Fact]
    public async Task A_mark_all_read_waits_for_a_notification_being_stored_and_covers_it_and_none_stored_after()
    {
        var user = await ApiClient.RegisterAsync(fixture.Http);
        await using var connection = await NotificationRows.OpenAsync(fixture.Database);
        await NotificationRows.InsertAsync(connection, user.UserId);
        await using var storing = await connection.BeginTransactionAsync();
        await NotificationRows.InsertAsync(connection, user.UserId);

        var marking = user.PostAsync("/api/notifications/mark-all-read");
        // Were the mark set now, it would be set from what had committed, and the uncommitted notification would
        // stay unread with its count moved to read.
        await new Ledger(fixture.Database).WaitingForAsync(connection, 1, "mark-all-read waiting for the notification being stored");
        await storing.CommitAsync();
        Assert.Equal(2, (await marking.WaitAsync(TimeSpan.FromSeconds(10))).Data["updated"]!.GetValue<int>());

        await NotificationRows.InsertAsync(connection, user.UserId);
        Assert.Equal(1, await user.UnreadCountAsync());
        Assert.Single((await user.NotificationsAsync("&is_read=false")).Ids());
        Assert.Equal(0, await new Ledger(fixture.Database).WrongNotificationCountersAsync());
    }

    [Fact]
    public async Task A_read_toggle_and_a_delete_that_waited_for_a_mark_all_read_count_their_rows_as_its_mark_has_them()
    {
        var user = await ApiClient.RegisterAsync(fixture.Http);
        await using var setUp = await NotificationRows.OpenAsync(fixture.Database);
        for (var i = 0; i < 3; i++) await NotificationRows.InsertAsync(setUp, user.UserId);
        // One read already: its counter exists, so creating it cannot be what makes the two wait.
        await NotificationRows.InsertAsync(setUp, user.UserId, read: true);
        var ids = (await user.NotificationsAsync("&is_read=false")).Ids();

        // Holding the key of the mark the mark-all-read will write keeps it waiting there with the counters locked,
        // after it has counted every notification as unread.
        await using var holder = await NotificationRows.OpenAsync(fixture.Database);
        await using var holding = await holder.BeginTransactionAsync();
        await ExecuteAsync(holder, $"INSERT INTO notifications.read_marks VALUES ({user.UserId}, 'fund_added', 0)");
        await using var marker = await NotificationRows.OpenAsync(fixture.Database);
        var marking = ScalarAsync(marker, $"SELECT notifications.mark_all_read({user.UserId}, NULL)");
        await using var reader = await NotificationRows.OpenAsync(fixture.Database);
        await using var deleter = await NotificationRows.OpenAsync(fixture.Database);
        Task reading, deleting;
        try
        {
            var ledger = new Ledger(fixture.Database);
            await ledger.WaitingForAsync(holder, 1, "mark-all-read waiting for its mark's key");
            reading = ExecuteAsync(reader, $"UPDATE notifications.notifications SET is_read = true WHERE id = {ids[0]}");
            deleting = ExecuteAsync(deleter, $"DELETE FROM notifications.notifications WHERE id = {ids[1]}");
            await ledger.WaitingForAsync(marker, 2, "the read toggle and the delete waiting for mark-all-read's counters");
        }
        finally
        {
            // Released whatever happened: what waits for it would keep the connections' disposal waiting too.
            await holding.RollbackAsync();
        }

        // Counted from the states they had before the mark, the two would take 1 each off an unread counter that the
        // mark-all-read has already emptied (a check violation, or counters off by two).
        Assert.Equal(3, await marking.WaitAsync(TimeSpan.FromSeconds(10)));
        await reading.WaitAsync(TimeSpan.FromSeconds(10));
        await deleting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, await new Ledger(fixture.Database).WrongNotificationCountersAsync());
        Assert.Equal(0, await user.UnreadCountAsync());
    }

    [Fact]
    public async Task Marking_unread_while_another_holds_its_row_waits_for_it_without_deadlocking()
    {
        var user = await ApiClient.RegisterAsync(fixture.Http);
        await using var setUp = await NotificationRows.OpenAsync(fixture.Database);
        for (var i = 0; i < 3; i++) await NotificationRows.InsertAsync(setUp, user.UserId);
        await user.PostAsync("/api/notifications/mark-all-read");
        // Newer than the mark, and read by its own flag.
        await NotificationRows.InsertAsync(setUp, user.UserId, read: true);
        var newest = (await user.NotificationsAsync()).Ids()[0];

        await using var holder = await NotificationRows.OpenAsync(fixture.Database);
        await using var holding = await holder.BeginTransactionAsync();
        await ExecuteAsync(holder, $"SELECT 1 FROM notifications.notifications WHERE id = {newest} FOR UPDATE");
        // Writes the marks into the other rows, then waits for this row.
        var unmarking = user.PatchAsync($"/api/notifications/{newest}", new { is_read = false });
        await new Ledger(fixture.Database).WaitingForAsync(holder, 1, "marking unread waiting for the row");
        // The holder changes the row too, so its trigger takes the counters: had the PATCH taken them while writing
        // the marks, each would now wait for the other (a deadlock, one of them a 500).
        var holderChanged = ExecuteAsync(holder, $"UPDATE notifications.notifications SET is_archived = true WHERE id = {newest}");
        var changed = await Task.WhenAny(holderChanged, Task.Delay(TimeSpan.FromSeconds(10))) == holderChanged;
        await holding.CommitAsync();

        Assert.True(changed, "the holder's change waited for the PATCH");
        await holderChanged;
        // Archived meanwhile: an archived notification stays read.
        Assert.Equal(HttpStatusCode.Conflict, (await unmarking.WaitAsync(TimeSpan.FromSeconds(10))).Status);
        Assert.Equal(0, await user.UnreadCountAsync());
        Assert.Equal(0, await new Ledger(fixture.Database).WrongNotificationCountersAsync());
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<int> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (int)(await command.ExecuteScalarAsync())!;
    }
}
