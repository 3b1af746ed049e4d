using System.Net;
using EnhanceFund.IntegrationTests.Infrastructure;

namespace EnhanceFund.IntegrationTests;

/// <summary>Preferences per notification type: <c>in_app</c> (stored at all) and <c>live</c> (pushed as it arrives).</summary>
public sealed class PreferencesTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private static readonly string[] Types =
    [
        "fund_added", "fund_withdrawn", "investment_made", "investment_return", "loan_funded", "loan_fulfilled", "loan_approved",
        "investment_rejected",
    ];

    [Fact]
    public async Task Every_type_is_listed_with_both_settings_on_until_changed_and_a_change_answers_the_whole_set()
    {
        var user = await ApiClient.RegisterAsync(fixture.Http);
        await using var otherTab = await LiveClient.ConnectAsync(fixture.Host.Address, user.Token);

        var initial = await user.GetAsync("/api/notifications/preferences");
        Assert.Equal(HttpStatusCode.OK, initial.Status);
        Assert.Equal("Notification preferences retrieved successfully", initial.Body["message"]!.GetValue<string>());
        Assert.Equal(Types, Settings(initial).Keys.ToArray());
        Assert.All(Settings(initial).Values, s => Assert.Equal((true, true), s));

        var changed = await user.PatchRawAsync("/api/notifications/preferences/", """{"fund_added": {"live": false}, "loan_funded": {"in_app": false, "live": false}}""");
        Assert.Equal(HttpStatusCode.OK, changed.Status);
        Assert.Equal("Notification preferences updated successfully", changed.Body["message"]!.GetValue<string>());
        var expected = Types.ToDictionary(t => t, t => t switch
        {
            "fund_added" => (true, false),
            "loan_funded" => (false, false),
            _ => (true, true),
        });
        Assert.Equal(expected, Settings(changed));
        Assert.Equal(expected, Settings(await user.GetAsync("/api/notifications/preferences")));

        // Partial: only what is named changes.
        var again = await user.PatchRawAsync("/api/notifications/preferences", """{"loan_funded": {"live": true}}""");
        Assert.Equal((false, true), Settings(again)["loan_funded"]);
        Assert.Equal((true, false), Settings(again)["fund_added"]);

        var pushed = await Eventually.ReturnsAsync(
            () => otherTab.Changes.Where(c => c.Method == "preferences").ToArray(), p => p.Length == 2, "both changes pushed to the other tab");
        Assert.False(pushed[^1].Payload.GetProperty("preferences").GetProperty("loan_funded").GetProperty("in_app").GetBoolean());
        Assert.True(pushed[^1].Payload.GetProperty("preferences").GetProperty("loan_funded").GetProperty("live").GetBoolean());
    }

    [Fact]
    public async Task In_app_off_stores_nothing_of_that_type_from_the_next_event_on_and_keeps_what_came_before()
    {
        var user = await ApiClient.RegisterAsync(fixture.Http);
        await user.DepositAsync(10m);
        var before = (await user.NotificationsEventuallyAsync(1)).Single()!["id"]!.GetValue<long>();

        Assert.Equal(HttpStatusCode.OK, (await user.PatchRawAsync("/api/notifications/preferences", """{"fund_added": {"in_app": false}}""")).Status);
        await user.DepositAsync(20m);
        await user.PostAsync("/api/wallet/withdrawals", new { amount = 5m });

        // The withdrawal's notification comes from the outbox after the second deposit's: once it is there, the
        // deposit has been through the consumer that left it out.
        var after = await user.NotificationsEventuallyAsync(2);
        await Eventually.ReturnsAsync(() => new Ledger(fixture.Database).PendingAsync(), p => p == 0, "every event delivered");
        Assert.Equal(["fund_withdrawn", "fund_added"], (await user.NotificationsAsync()).Select(n => n!["notification_type"]!.GetValue<string>()));
        Assert.Equal(before, after[1]!["id"]!.GetValue<long>());
        var page = (await user.GetAsync("/api/notifications")).Data;
        Assert.Equal(2, page["unread_count"]!.GetValue<int>());
        Assert.Equal(2, page["total_count"]!.GetValue<int>());
        // Nothing was stored, so no seq was taken: the stream has no hole.
        Assert.Equal([1L, 2], (await user.NotificationsAsync("&after_seq=0")).Select(n => n!["seq"]!.GetValue<long>()));
    }

    [Fact]
    public async Task Live_off_stores_and_counts_the_notification_but_pushes_only_the_unread_count()
    {
        var user = await ApiClient.RegisterAsync(fixture.Http);
        await using var tab = await LiveClient.ConnectAsync(fixture.Host.Address, user.Token);
        await user.DepositAsync(10m);
        await tab.NotificationsEventuallyAsync(1);

        await user.PatchRawAsync("/api/notifications/preferences", """{"fund_added": {"live": false}}""");
        await user.DepositAsync(20m);
        var stored = await user.NotificationsEventuallyAsync(2);

        // A user's pushes go out in order, a notification before the count it raised: once the count of 2 is in, the
        // notification would have been too.
        await tab.UnreadCountEventuallyAsync(2);
        Assert.Equal(stored[1]!["id"]!.GetValue<long>(), Assert.Single(tab.Notifications).GetProperty("id").GetInt64());

        // Another type is still pushed.
        await user.PostAsync("/api/wallet/withdrawals", new { amount = 5m });
        var pushed = await tab.NotificationsEventuallyAsync(2);
        Assert.Equal("fund_withdrawn", pushed[1].GetProperty("notification_type").GetString());
    }

    [Theory]
    [InlineData("""{"fund_exploded": {"live": false}}""", "fund_exploded")]
    [InlineData("""{"fund_added": {"colour": "red"}}""", "fund_added.colour")]
    [InlineData("""{"fund_added": {"live": "no"}}""", "fund_added.live")]
    [InlineData("""{"fund_added": {"in_app": null}}""", "fund_added.in_app")]
    [InlineData("""{"fund_added": {"in_app": 0}}""", "fund_added.in_app")]
    [InlineData("""{"fund_added": true}""", "fund_added")]
    [InlineData("""{"loan_funded": {"live": false}, "Fund_Added": {"live": false}}""", "Fund_Added")]
    [InlineData("""[{"fund_added": {"live": false}}]""", "body")]
    [InlineData("""null""", "body")]
    [InlineData("""{"fund_added": {"live": false""", "body")]
    [InlineData("""{"fund_added": {"live": false}, "fund_added": {"live": true}}""", "body")]
    [InlineData("""{"fund_added": {"live": false, "live": true}}""", "body")]
    public async Task A_bad_preferences_body_is_a_400_naming_what_is_wrong_and_changes_nothing(string body, string field)
    {
        var user = await ApiClient.RegisterAsync(fixture.Http);

        var response = await user.PatchRawAsync("/api/notifications/preferences", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(0, response.Body["code"]!.GetValue<int>());
        Assert.True(response.Errors.ContainsKey(field), response.ToString());
        Assert.All(Settings(await user.GetAsync("/api/notifications/preferences")).Values, s => Assert.Equal((true, true), s));
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PATCH")]
    public async Task Preferences_without_a_token_are_a_401(string method)
    {
        var response = await ApiClient.Send(fixture.Http, new HttpMethod(method), "/api/notifications/preferences", token: null,
            method == "PATCH" ? new { fund_added = new { live = false } } : null);
        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal(0, response.Body["code"]!.GetValue<int>());
    }

    private static Dictionary<string, (bool InApp, bool Live)> Settings(ApiResponse response) =>
        response.Data["preferences"]!.AsObject().ToDictionary(
            p => p.Key, p => (p.Value!["in_app"]!.GetValue<bool>(), p.Value!["live"]!.GetValue<bool>()));
}
