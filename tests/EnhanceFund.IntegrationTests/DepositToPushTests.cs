using System.Net;
using System.Text.Json.Nodes;
using EnhanceFund.IntegrationTests.Infrastructure;
using EnhanceFund.Notifications.Application;
using EnhanceFund.Notifications.Infrastructure;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EnhanceFund.IntegrationTests;

public sealed class DepositToPushTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task A_deposit_is_pushed_to_the_depositor_as_the_very_object_the_API_serves()
    {
        var user = await ApiClient.RegisterAsync(fixture.Http);
        await using var live = await LiveClient.ConnectAsync(fixture.Host.Address, user.Token);

        var deposit = await user.PostAsync("/api/wallet/deposits", new { amount = 1234.5m });
        Assert.Equal(HttpStatusCode.Created, deposit.Status);

        var pushed = (await live.NotificationsEventuallyAsync(1)).Single();
        var served = (await user.NotificationsAsync()).Single()!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(pushed.GetRawText()), served), $"pushed {pushed} but served {served}");

        Assert.Equal("fund_added", served["notification_type"]!.GetValue<string>());
        Assert.Equal("Fund Added", served["notification_type_display"]!.GetValue<string>());
        Assert.Equal("Fund Added Successfully", served["title"]!.GetValue<string>());
        Assert.Equal("Your wallet has been credited with $1,234.50. New balance: $1,234.50.", served["message"]!.GetValue<string>());
        Assert.False(served["is_read"]!.GetValue<bool>());
        Assert.Equal("transaction", served["related_type"]!.GetValue<string>());
        Assert.Equal(deposit.Data["transaction"]!["id"]!.GetValue<long>(), served["related_id"]!.GetValue<long>());
        Assert.EndsWith("Z", served["created_at"]!.GetValue<string>());
        Assert.Equal(1, served["seq"]!.GetValue<long>());

        await Eventually.ReturnsAsync(() => live.UnreadCounts.ToArray(), c => c.Contains(1), "the unread count push");
    }

    /// <summary>For clients behind proxies that refuse WebSockets; the .NET client posts these transports' frames unlabelled.</summary>
    [Theory]
    [InlineData(HttpTransportType.LongPolling)]
    [InlineData(HttpTransportType.ServerSentEvents)]
    public async Task A_deposit_is_pushed_over_the_transports_without_WebSockets(HttpTransportType transport)
    {
        var user = await ApiClient.RegisterAsync(fixture.Http);
        await using var live = await LiveClient.ConnectAsync(fixture.Host.Address, user.Token, transports: transport);
        await live.UnreadCountEventuallyAsync(0);

        var deposit = await user.DepositAsync(7m);
        await live.NotificationAboutEventuallyAsync(deposit.Data["transaction"]!["id"]!.GetValue<long>());
        await live.UnreadCountEventuallyAsync(1);
    }

    [Fact]
    public async Task The_unread_count_pushed_with_a_notification_counts_only_unread_ones()
    {
        var user = await ApiClient.WithNotificationsAsync(fixture.Http, deposits: 2);
        Assert.Equal(2, (await user.PostAsync("/api/notifications/mark-all-read")).Data["updated"]!.GetValue<int>());
        await using var live = await LiveClient.ConnectAsync(fixture.Host.Address, user.Token);

        var deposit = await user.DepositAsync(5m);
        await live.NotificationAboutEventuallyAsync(deposit.Data["transaction"]!["id"]!.GetValue<long>());

        await live.UnreadCountEventuallyAsync(1);
    }

    [Fact]
    public async Task A_withdrawal_is_pushed_as_fund_withdrawn_with_the_new_balance()
    {
        var user = await ApiClient.RegisterAsync(fixture.Http);
        await user.PostAsync("/api/wallet/deposits", new { amount = 250m });
        await using var live = await LiveClient.ConnectAsync(fixture.Host.Address, user.Token);

        var withdrawal = await user.PostAsync("/api/wallet/withdrawals", new { amount = 50m });
        Assert.Equal(HttpStatusCode.Created, withdrawal.Status);
        Assert.Equal(200.00m, withdrawal.Data["wallet"]!["balance"]!.GetValue<decimal>());

        var pushed = await Eventually.ReturnsAsync(
            () => live.Notifications.Where(n => n.GetProperty("notification_type").GetString() == "fund_withdrawn").ToArray(),
            n => n.Length == 1, "the fund_withdrawn push");
        Assert.Equal("Fund Withdrawn Successfully", pushed[0].GetProperty("title").GetString());
        Assert.Equal("$50.00 has been withdrawn from your wallet. New balance: $200.00.", pushed[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task The_hub_takes_the_token_from_the_token_query_parameter_and_pushes_only_to_its_owner()
    {
        var owner = await ApiClient.RegisterAsync(fixture.Http);
        var stranger = await ApiClient.RegisterAsync(fixture.Http);
        await using var ownersTab = await LiveClient.ConnectAsync(fixture.Host.Address, owner.Token, tokenInQueryString: true);
        await using var strangersTab = await LiveClient.ConnectAsync(fixture.Host.Address, stranger.Token);

        await owner.PostAsync("/api/wallet/deposits", new { amount = 10m });
        await ownersTab.NotificationsEventuallyAsync(1);
        // The stranger then does something of its own; when that arrives, the owner's push would have too.
        await stranger.PostAsync("/api/wallet/deposits", new { amount = 20m });
        var strangersPushes = await strangersTab.NotificationsEventuallyAsync(1);

        Assert.Single(strangersPushes);
        Assert.Contains("$20.00", strangersPushes[0].GetProperty("message").GetString());
        Assert.Single(ownersTab.Notifications);
    }

    [Fact]
    public async Task Negotiating_without_a_token_is_refused()
    {
        var response = await ApiClient.Send(fixture.Http, HttpMethod.Post, "/hubs/notifications/negotiate?negotiateVersion=1", null);
        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal(0, response.Body["code"]!.GetValue<int>());
    }

    /// <summary>
    /// A count that moved is read after its commit; should that read fail, nothing else would tell the other tabs, so
    /// the user is told to resync. The change has committed, so the caller goes on: a request still answers that it was
    /// done, a relay does not deliver again what it delivered. Here the read fails both ways it can: the request that
    /// made the change went away, and the database connection was cut.
    /// </summary>
    [Fact]
    public async Task An_unread_count_that_cannot_be_read_after_its_commit_owes_the_user_a_resync_and_fails_nothing()
    {
        var user = await ApiClient.RegisterAsync(fixture.Http);
        await using var live = await LiveClient.ConnectAsync(fixture.Host.Address, user.Token);
        await live.UnreadCountEventuallyAsync(0);

        using var scope = fixture.Host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var push = scope.ServiceProvider.GetRequiredService<INotificationPush>();
        await db.PushUnreadCountsAsync(push, [user.UserId], new CancellationToken(canceled: true));
        await Eventually.ReturnsAsync(() => live.Resyncs, n => n == 1, "the user told to resync after a cancelled read");

        await db.Database.OpenConnectionAsync();
        var backend = await db.Database.SqlQueryRaw<int>("SELECT pg_backend_pid() AS \"Value\"").SingleAsync();
        Assert.Equal(1, await new Ledger(fixture.Database).ValueAsync<int>($"SELECT count(pg_terminate_backend({backend}))::int"));
        await db.PushUnreadCountsAsync(push, [user.UserId], CancellationToken.None);
        await Eventually.ReturnsAsync(() => live.Resyncs, n => n == 2, "the user told to resync after the database went away");
    }
}
