using System.Net;
using EnhanceFund.IntegrationTests.Infrastructure;
using Npgsql;

namespace EnhanceFund.IntegrationTests;

/// <summary>
/// Archive, delete, read toggles and mark-all-read racing on one user's notifications through two instances while new
/// ones arrive: never a deadlock or a 500, and every count (the counters, the API's, the last one pushed) equal to the
/// rows.
/// </summary>
public sealed class CenterRaceTests(TwoHostsFixture fixture) : IClassFixture<TwoHostsFixture>
{
    [Fact]
    public async Task Counts_stay_equal_to_the_rows_under_a_race_of_archive_delete_patch_and_mark_all_read_on_two_instances()
    {
        var user = await ApiClient.WithNotificationsAsync(fixture.Http, deposits: 30, withdrawals: 10);
        var viaOther = user.Via(fixture.Other.Http);
        await using var tab = await LiveClient.ConnectAsync(fixture.Other.Address, user.Token);
        var ids = (await user.NotificationsAsync()).Ids();

        var random = new Random(14);
        var requests = Enumerable.Range(0, 240).Select(i =>
        {
            var client = i % 2 == 0 ? user : viaOther;
            var id = ids[random.Next(ids.Length)];
            return (random.Next(9)) switch
            {
                0 => client.PatchAsync($"/api/notifications/{id}", new { is_read = true }),
                1 => client.PatchAsync($"/api/notifications/{id}", new { is_read = false }),
                2 => client.PatchAsync($"/api/notifications/{id}", new { is_archived = true }),
                3 => client.PatchAsync($"/api/notifications/{id}", new { is_archived = false, is_read = false }),
                4 => client.PatchAsync($"/api/notifications/{id}", new { is_archived = false }),
                5 => client.DeleteAsync($"/api/notifications/{id}"),
                6 => client.PostAsync("/api/notifications/mark-all-read"),
                7 => client.PostAsync($"/api/notifications/mark-all-read?type={(i % 3 == 0 ? "fund_withdrawn" : "fund_added")}"),
                _ => client.PostAsync("/api/wallet/deposits", new { amount = 1m }),
            };
        });
        var responses = await Task.WhenAll(requests);

        // 404: deleted by an earlier request; 409: marked unread while archived. Anything else is a failure.
        Assert.All(responses, r => Assert.True(
            r.Status is HttpStatusCode.OK or HttpStatusCode.Created or HttpStatusCode.NotFound or HttpStatusCode.Conflict, r.ToString()));
        Assert.Contains(responses, r => r.Status == HttpStatusCode.NotFound);
        var ledger = new Ledger(fixture.Database);
        await Eventually.ReturnsAsync(ledger.PendingAsync, p => p == 0, "every deposit notified");

        Assert.Equal(0, await ledger.WrongNotificationCountersAsync());
        var rows = $"SELECT count(*) FROM notifications.notifications_read_now WHERE user_id = {user.UserId}";
        var unread = await ledger.CountAsync($"{rows} AND NOT is_read AND NOT is_archived");
        var page = (await viaOther.GetAsync("/api/notifications")).Data;
        Assert.Equal(unread, page["unread_count"]!.GetValue<int>());
        Assert.Equal(await ledger.CountAsync($"{rows} AND NOT is_archived"), page["total_count"]!.GetValue<int>());
        var archived = (await user.GetAsync("/api/notifications?archived=true")).Data;
        Assert.Equal(await ledger.CountAsync($"{rows} AND is_archived"), archived["total_count"]!.GetValue<int>());
        Assert.Equal(0, await ledger.CountAsync($"{rows} AND is_archived AND NOT is_read"));
        // The last count pushed is the count, whichever instance pushed it and in whatever order the two instances'
        // pushes reached the backplane: once they are all out, the newest is the last.
        await tab.UnreadCountsQuietAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(unread, tab.UnreadCounts.Last());
    }

    [Fact]
    public async Task A_mark_read_that_waited_behind_a_mark_unread_on_another_instance_leaves_it_read_as_it_answered()
    {
        var (user, tab, id, _, answer) = await RaceAMarkUnreadAsync((other, id) => other.PatchAsync($"/api/notifications/{id}", new { is_read = true }));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.True(answer.Data["notification"]!["is_read"]!.GetValue<bool>());
        Assert.True((await user.GetAsync($"/api/notifications/{id}")).Data["notification"]!["is_read"]!.GetValue<bool>(), "answered read, left unread");
        Assert.Equal(0, await user.UnreadCountAsync());
        await tab.DisposeAsync();
    }

    [Fact]
    public async Task An_archive_that_waited_behind_a_mark_unread_on_another_instance_pushes_the_count_it_lowered()
    {
        var (user, tab, _, countsBefore, answer) = await RaceAMarkUnreadAsync((other, id) => other.PatchAsync($"/api/notifications/{id}", new { is_archived = true }));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        await AssertLastPushedCountIsZeroAsync(user, tab, countsBefore);
    }

    [Fact]
    public async Task A_delete_that_waited_behind_a_mark_unread_on_another_instance_pushes_the_count_it_lowered()
    {
        var (user, tab, _, countsBefore, answer) = await RaceAMarkUnreadAsync((other, id) => other.DeleteAsync($"/api/notifications/{id}"));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        await AssertLastPushedCountIsZeroAsync(user, tab, countsBefore);
    }

    /// <summary>
    /// A notification that only a mark-all-read made read, marked unread by the test's own transaction as a PATCH on
    /// another instance does it (the marks folded into the rows, then its own flag cleared), while
    /// <paramref name="second"/> waits for the row: its statement starts while the mark still stands and runs once the
    /// mark-unread has committed. The test's mark-unread pushes no count of its own to hide a missing one.
    /// </summary>
    private async Task<(ApiClient User, LiveClient Tab, long Id, int CountsBefore, ApiResponse Answer)> RaceAMarkUnreadAsync(
        Func<ApiClient, long, Task<ApiResponse>> second)
    {
        var user = await ApiClient.WithNotificationsAsync(fixture.Http, deposits: 1);
        var id = (await user.NotificationsAsync()).Ids()[0];
        Assert.Equal(HttpStatusCode.OK, (await user.PostAsync("/api/notifications/mark-all-read")).Status);
        var tab = await LiveClient.ConnectAsync(fixture.Host.Address, user.Token);
        // The counts pushed before the race (on connecting, and mark-all-read's if it came after), out before it starts
        // so that every count after them is the race's.
        await tab.UnreadCountEventuallyAsync(0);
        await tab.UnreadCountsQuietAsync(TimeSpan.FromMilliseconds(500));
        await using var markUnread = await NotificationRows.OpenAsync(fixture.Database);
        await using var transaction = await markUnread.BeginTransactionAsync();
        await new NpgsqlCommand(
            $"""
            SELECT notifications.fold_read_marks({user.UserId});
            UPDATE notifications.notifications SET is_read = false WHERE id = {id};
            """, markUnread).ExecuteNonQueryAsync();

        var answer = second(user.Via(fixture.Other.Http), id);
        await new Ledger(fixture.Database).WaitingForAsync(markUnread, 1, "the request waiting for the notification's row");
        var countsBefore = tab.UnreadCounts.Count;
        await transaction.CommitAsync();
        return (user, tab, id, countsBefore, await answer);
    }

    private static async Task AssertLastPushedCountIsZeroAsync(ApiClient user, LiveClient tab, int countsBefore)
    {
        Assert.Equal(0, await user.UnreadCountAsync());
        // The second request lowered the count from 1 to 0 and must say so.
        await Eventually.ReturnsAsync(
            () => tab.UnreadCounts.Skip(countsBefore).ToArray(), c => c.Length > 0 && c[^1] == 0, "a count of 0 pushed after the race");
        await tab.UnreadCountsQuietAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(0, tab.UnreadCounts.Last());
        await tab.DisposeAsync();
    }
}
