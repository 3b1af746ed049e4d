using System.Net;
using EnhanceFund.IntegrationTests.Infrastructure;

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
}
