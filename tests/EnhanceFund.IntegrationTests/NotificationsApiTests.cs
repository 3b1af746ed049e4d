using System.Net;
using EnhanceFund.IntegrationTests.Infrastructure;

namespace EnhanceFund.IntegrationTests;

public sealed class NotificationsApiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private Task<ApiClient> UserWithNotificationsAsync(int deposits, int withdrawals = 0) =>
        ApiClient.WithNotificationsAsync(fixture.Http, deposits, withdrawals);

    [Fact]
    public async Task The_list_is_newest_first_with_counts_and_the_contracts_message()
    {
        var user = await UserWithNotificationsAsync(deposits: 3, withdrawals: 2);

        var response = await user.GetAsync("/api/notifications/");
        Assert.Equal("Notifications retrieved successfully", response.Body["message"]!.GetValue<string>());
        Assert.Equal(1, response.Body["code"]!.GetValue<int>());
        var ids = response.Data.NotificationIds();
        Assert.Equal(ids.OrderByDescending(id => id), ids);
        Assert.Equal(5, response.Data["unread_count"]!.GetValue<int>());
        Assert.Equal(5, response.Data["total_count"]!.GetValue<int>());
        Assert.Null(response.Data["next_before_id"]);
    }

    [Fact]
    public async Task Filters_narrow_the_list_and_total_count_but_not_unread_count()
    {
        var user = await UserWithNotificationsAsync(deposits: 3, withdrawals: 2);
        var newest = (await user.NotificationsAsync())[0]!["id"]!.GetValue<long>();
        await user.PatchAsync($"/api/notifications/{newest}", new { is_read = true });

        var withdrawn = (await user.GetAsync("/api/notifications?type=fund_withdrawn")).Data;
        Assert.Equal(2, withdrawn["notifications"]!.AsArray().Count);
        Assert.Equal(2, withdrawn["total_count"]!.GetValue<int>());
        Assert.Equal(4, withdrawn["unread_count"]!.GetValue<int>());

        var read = (await user.GetAsync("/api/notifications?is_read=true")).Data;
        Assert.Equal(newest, read["notifications"]!.AsArray().Single()!["id"]!.GetValue<long>());
        Assert.Equal(1, read["total_count"]!.GetValue<int>());

        var unreadAdded = (await user.GetAsync("/api/notifications?is_read=false&type=fund_added")).Data;
        Assert.Equal(3, unreadAdded["total_count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Unread_pages_among_read_ones_hold_every_unread_one_in_order_with_the_right_cursor()
    {
        var user = await UserWithNotificationsAsync(deposits: 6);
        var all = (await user.NotificationsAsync()).Ids();
        foreach (var read in new[] { all[0], all[2], all[3], all[5] })
            await user.PatchAsync($"/api/notifications/{read}", new { is_read = true });

        var first = (await user.GetAsync("/api/notifications?is_read=false&limit=1")).Data;
        Assert.Equal([all[1]], first.NotificationIds());
        Assert.Equal(2, first["total_count"]!.GetValue<int>());
        Assert.Equal(all[1], first["next_before_id"]!.GetValue<long>());
        var last = (await user.GetAsync($"/api/notifications?is_read=false&limit=1&before_id={all[1]}")).Data;
        Assert.Equal([all[4]], last.NotificationIds());
        Assert.Null(last["next_before_id"]);

        Assert.Equal([all[1], all[4]], (await user.GetAsync("/api/notifications?is_read=false&limit=5")).Data.NotificationIds());
        Assert.Equal([all[4], all[1]], (await user.GetAsync($"/api/notifications?is_read=false&after_id={all[5]}")).Data.NotificationIds());
        Assert.Empty((await user.GetAsync($"/api/notifications?is_read=false&before_id={all[4]}")).Data.NotificationIds());
    }

    [Fact]
    public async Task Pages_follow_next_before_id_and_after_id_catches_up_oldest_first()
    {
        var user = await UserWithNotificationsAsync(deposits: 5);
        var all = (await user.NotificationsAsync()).Ids();

        var first = (await user.GetAsync("/api/notifications?limit=2")).Data;
        var firstIds = first.NotificationIds();
        Assert.Equal(all.Take(2), firstIds);
        var cursor = first["next_before_id"]!.GetValue<long>();
        Assert.Equal(firstIds[^1], cursor);

        var second = (await user.GetAsync($"/api/notifications?limit=2&before_id={cursor}")).Data;
        Assert.Equal(all.Skip(2).Take(2), second.NotificationIds());
        var last = (await user.GetAsync($"/api/notifications?limit=2&before_id={second["next_before_id"]}")).Data;
        Assert.Equal(all.Skip(4), last.NotificationIds());
        Assert.Null(last["next_before_id"]);

        var oldest = all[^1];
        var caughtUp = (await user.GetAsync($"/api/notifications?after_id={oldest}")).Data["notifications"]!.AsArray();
        Assert.Equal(all.Take(4).Reverse(), caughtUp.Ids());
    }

    [Fact]
    public async Task Reading_one_and_then_all_updates_counts_and_every_open_tab()
    {
        var user = await UserWithNotificationsAsync(deposits: 3);
        await using var tab1 = await LiveClient.ConnectAsync(fixture.Host.Address, user.Token);
        await using var tab2 = await LiveClient.ConnectAsync(fixture.Host.Address, user.Token);
        var id = (await user.NotificationsAsync())[0]!["id"]!.GetValue<long>();

        var marked = await user.PatchAsync($"/api/notifications/{id}/", new { is_read = true });
        Assert.Equal(HttpStatusCode.OK, marked.Status);
        Assert.True(marked.Data["notification"]!["is_read"]!.GetValue<bool>());
        Assert.Equal(2, await user.UnreadCountAsync());
        await tab2.UnreadCountEventuallyAsync(2);

        var unmarked = await user.PatchAsync($"/api/notifications/{id}", new { is_read = false });
        Assert.False(unmarked.Data["notification"]!["is_read"]!.GetValue<bool>());
        Assert.Equal(3, (await user.GetAsync("/api/notifications/unread-count/")).Data["unread_count"]!.GetValue<int>());

        var all = await user.PostAsync("/api/notifications/mark-all-read/");
        Assert.Equal(3, all.Data["updated"]!.GetValue<int>());
        var count = await user.GetAsync("/api/notifications/unread-count");
        Assert.Equal("Unread count retrieved successfully", count.Body["message"]!.GetValue<string>());
        Assert.Equal(0, count.Data["unread_count"]!.GetValue<int>());
        foreach (var tab in new[] { tab1, tab2 })
            await tab.UnreadCountEventuallyAsync(0);

        Assert.Equal(0, (await user.PostAsync("/api/notifications/mark-all-read")).Data["updated"]!.GetValue<int>());
    }

    [Fact]
    public async Task One_notification_is_served_by_id_to_its_owner_only()
    {
        var owner = await UserWithNotificationsAsync(deposits: 1);
        var other = await ApiClient.RegisterAsync(fixture.Http);
        var id = (await owner.NotificationsAsync())[0]!["id"]!.GetValue<long>();

        var mine = await owner.GetAsync($"/api/notifications/{id}");
        Assert.Equal(HttpStatusCode.OK, mine.Status);
        Assert.Equal(id, mine.Data["notification"]!["id"]!.GetValue<long>());

        var notFound = await other.GetAsync($"/api/notifications/{id}");
        var missing = await other.GetAsync("/api/notifications/987654321");
        Assert.Equal(HttpStatusCode.NotFound, notFound.Status);
        Assert.Equal(missing.Text, notFound.Text);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PatchAsync($"/api/notifications/{id}", new { is_read = true })).Status);
        Assert.False((await owner.GetAsync($"/api/notifications/{id}")).Data["notification"]!["is_read"]!.GetValue<bool>());
    }
}
