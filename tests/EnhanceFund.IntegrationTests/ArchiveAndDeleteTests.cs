using System.Net;
using System.Text.Json.Nodes;
using EnhanceFund.IntegrationTests.Infrastructure;

namespace EnhanceFund.IntegrationTests;

/// <summary>Archive, delete and mark-all-read of one type (docs/API.md, the notification center).</summary>
public sealed class ArchiveAndDeleteTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private Ledger Ledger => new(fixture.Database);

    [Fact]
    public async Task Archiving_an_unread_notification_marks_it_read_and_takes_it_out_of_the_default_list_and_every_count()
    {
        var user = await UserWithDepositsAsync(3);
        await using var otherTab = await LiveClient.ConnectAsync(fixture.Host.Address, user.Token);
        var newest = (await user.NotificationsAsync())[0]!["id"]!.GetValue<long>();

        var archived = await user.PatchAsync($"/api/notifications/{newest}", new { is_archived = true });
        Assert.Equal(HttpStatusCode.OK, archived.Status);
        Assert.Equal("Notification updated successfully", archived.Body["message"]!.GetValue<string>());
        Assert.True(archived.Data["notification"]!["is_archived"]!.GetValue<bool>());
        Assert.True(archived.Data["notification"]!["is_read"]!.GetValue<bool>());

        var list = (await user.GetAsync("/api/notifications")).Data;
        Assert.DoesNotContain(newest, list.NotificationIds());
        Assert.All(list["notifications"]!.AsArray(), n => Assert.False(n!["is_archived"]!.GetValue<bool>()));
        Assert.Equal((2, 2), Counts(list));
        Assert.Equal(2, await user.UnreadCountAsync());
        var archivedList = (await user.GetAsync("/api/notifications?archived=true")).Data;
        Assert.Equal([newest], archivedList.NotificationIds());
        Assert.Equal((2, 1), Counts(archivedList));
        Assert.Empty((await user.GetAsync("/api/notifications?archived=true&is_read=false")).Data.NotificationIds());

        // The other tab hears of it: the count that dropped, and which notification changed how.
        await otherTab.UnreadCountEventuallyAsync(2);
        var updated = (await otherTab.ChangeEventuallyAsync("notification_updated")).Single().Payload.GetProperty("notification");
        Assert.Equal(newest, updated.GetProperty("id").GetInt64());
        Assert.True(updated.GetProperty("is_archived").GetBoolean());

        var unarchived = await user.PatchAsync($"/api/notifications/{newest}", new { is_archived = false });
        Assert.False(unarchived.Data["notification"]!["is_archived"]!.GetValue<bool>());
        Assert.True(unarchived.Data["notification"]!["is_read"]!.GetValue<bool>());
        Assert.Equal((2, 3), Counts((await user.GetAsync("/api/notifications")).Data));
        Assert.Equal(0, await Ledger.WrongNotificationCountersAsync());
    }

    [Fact]
    public async Task An_archived_notification_stays_read_until_it_is_unarchived()
    {
        var user = await UserWithDepositsAsync(1);
        var id = (await user.NotificationsAsync())[0]!["id"]!.GetValue<long>();

        var contradiction = await user.PatchAsync($"/api/notifications/{id}", new { is_archived = true, is_read = false });
        Assert.Equal(HttpStatusCode.BadRequest, contradiction.Status);
        Assert.True(contradiction.Errors.ContainsKey("is_read"), contradiction.ToString());

        Assert.Equal(HttpStatusCode.OK, (await user.PatchAsync($"/api/notifications/{id}", new { is_archived = true, is_read = true })).Status);
        var unread = await user.PatchAsync($"/api/notifications/{id}", new { is_read = false });
        Assert.Equal(HttpStatusCode.Conflict, unread.Status);
        Assert.True(unread.Errors.ContainsKey("is_read"), unread.ToString());

        var both = await user.PatchAsync($"/api/notifications/{id}", new { is_archived = false, is_read = false });
        Assert.Equal(HttpStatusCode.OK, both.Status);
        Assert.False(both.Data["notification"]!["is_read"]!.GetValue<bool>());
        Assert.Equal((1, 1), Counts((await user.GetAsync("/api/notifications")).Data));
        Assert.Equal(0, await Ledger.WrongNotificationCountersAsync());
    }

    [Fact]
    public async Task Deleting_a_notification_removes_it_from_every_list_and_count_and_tells_the_other_tabs()
    {
        var user = await UserWithDepositsAsync(3);
        await using var otherTab = await LiveClient.ConnectAsync(fixture.Host.Address, user.Token);
        var ids = (await user.NotificationsAsync()).Ids();
        await user.PatchAsync($"/api/notifications/{ids[2]}", new { is_archived = true });

        var deleted = await user.DeleteAsync($"/api/notifications/{ids[0]}/");
        Assert.Equal(HttpStatusCode.OK, deleted.Status);
        Assert.Equal("Notification deleted successfully", deleted.Body["message"]!.GetValue<string>());
        Assert.Equal(1, deleted.Data["deleted"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, (await user.DeleteAsync($"/api/notifications/{ids[2]}")).Status);

        var list = (await user.GetAsync("/api/notifications")).Data;
        Assert.Equal([ids[1]], list.NotificationIds());
        Assert.Equal((1, 1), Counts(list));
        Assert.Empty((await user.GetAsync("/api/notifications?archived=true")).Data.NotificationIds());
        Assert.Single(await user.NotificationsAsync("&after_seq=0"));
        Assert.Equal(HttpStatusCode.NotFound, (await user.GetAsync($"/api/notifications/{ids[0]}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await user.DeleteAsync($"/api/notifications/{ids[0]}")).Status);
        await otherTab.UnreadCountEventuallyAsync(1);
        await Eventually.ReturnsAsync(
            () => otherTab.Changes.Where(c => c.Method == "notification_deleted").Select(c => c.Payload.GetProperty("id").GetInt64()).ToArray(),
            d => d.Order().SequenceEqual(new[] { ids[0], ids[2] }.Order()), "both deletions pushed");
        Assert.Equal(0, await Ledger.WrongNotificationCountersAsync());
    }

    [Fact]
    public async Task Another_users_notification_is_a_404_to_archive_or_delete_and_stays_as_it_was()
    {
        var owner = await UserWithDepositsAsync(1);
        var other = await ApiClient.RegisterAsync(fixture.Http);
        var id = (await owner.NotificationsAsync())[0]!["id"]!.GetValue<long>();

        var archive = await other.PatchAsync($"/api/notifications/{id}", new { is_archived = true });
        var delete = await other.DeleteAsync($"/api/notifications/{id}");
        var missing = await other.DeleteAsync("/api/notifications/987654321");
        Assert.Equal(HttpStatusCode.NotFound, archive.Status);
        Assert.Equal(HttpStatusCode.NotFound, delete.Status);
        Assert.Equal(missing.Text, delete.Text);

        var mine = (await owner.GetAsync($"/api/notifications/{id}")).Data["notification"]!;
        Assert.False(mine["is_archived"]!.GetValue<bool>());
        Assert.False(mine["is_read"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Mark_all_read_of_one_type_reads_that_type_only()
    {
        var user = await UserWithDepositsAsync(3, withdrawals: 2);
        await using var otherTab = await LiveClient.ConnectAsync(fixture.Host.Address, user.Token);

        var response = await user.PostAsync("/api/notifications/mark-all-read?type=fund_withdrawn");
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(2, response.Data["updated"]!.GetValue<int>());

        Assert.All(await user.NotificationsAsync("&type=fund_withdrawn"), n => Assert.True(n!["is_read"]!.GetValue<bool>()));
        Assert.All(await user.NotificationsAsync("&type=fund_added"), n => Assert.False(n!["is_read"]!.GetValue<bool>()));
        Assert.Equal(3, await user.UnreadCountAsync());
        await otherTab.UnreadCountEventuallyAsync(3);
        Assert.Equal(0, (await user.PostAsync("/api/notifications/mark-all-read?type=fund_withdrawn")).Data["updated"]!.GetValue<int>());
        Assert.Equal(3, (await user.PostAsync("/api/notifications/mark-all-read")).Data["updated"]!.GetValue<int>());
        Assert.Equal(0, await Ledger.WrongNotificationCountersAsync());
    }

    [Theory]
    [InlineData("PATCH", "/api/notifications/{id}", """{"is_archived": "yes"}""", "is_archived")]
    [InlineData("PATCH", "/api/notifications/{id}", """{"is_archived": null}""", "is_read")]
    [InlineData("PATCH", "/api/notifications/{id}", """{"is_archived": 1}""", "is_archived")]
    [InlineData("DELETE", "/api/notifications/abc", null, "id")]
    [InlineData("DELETE", "/api/notifications/0", null, "id")]
    [InlineData("POST", "/api/notifications/mark-all-read?type=loan_exploded", null, "type")]
    [InlineData("GET", "/api/notifications?archived=maybe", null, "archived")]
    public async Task A_bad_request_to_the_new_routes_is_a_400_naming_the_field_and_changes_nothing(
        string method, string path, string? body, string field)
    {
        var user = await UserWithDepositsAsync(1);
        var notification = (await user.NotificationsAsync())[0]!;
        path = path.Replace("{id}", notification["id"]!.ToString());

        var response = await ApiClient.Send(user.Http, new HttpMethod(method), path, user.Token, body is null ? null : JsonNode.Parse(body));
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(0, response.Body["code"]!.GetValue<int>());
        Assert.True(response.Errors.ContainsKey(field), response.ToString());
        Assert.Equal(notification.ToJsonString(), (await user.NotificationsAsync())[0]!.ToJsonString());
    }

    [Theory]
    [InlineData("DELETE", "/api/notifications/1")]
    [InlineData("PATCH", "/api/notifications/1")]
    [InlineData("GET", "/api/notifications?archived=true")]
    [InlineData("POST", "/api/notifications/mark-all-read?type=fund_added")]
    public async Task The_new_routes_without_a_token_are_a_401(string method, string path)
    {
        var response = await ApiClient.Send(fixture.Http, new HttpMethod(method), path, token: null);
        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal(0, response.Body["code"]!.GetValue<int>());
    }

    private Task<ApiClient> UserWithDepositsAsync(int deposits, int withdrawals = 0) =>
        ApiClient.WithNotificationsAsync(fixture.Http, deposits, withdrawals);

    private static (int Unread, int Total) Counts(JsonObject page) =>
        (page["unread_count"]!.GetValue<int>(), page["total_count"]!.GetValue<int>());
}
