using System.Net;
using EnhanceFund.BuildingBlocks.Messaging;
using EnhanceFund.IntegrationTests.Infrastructure;
using EnhanceFund.Wallet.Contracts;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace EnhanceFund.IntegrationTests;

/// <summary>
/// A Host whose cleanup runs every half second and where a test consumer refuses one amount until it is told to
/// accept it: a message parks, an admin finds it and requeues it once the cause is fixed.
/// </summary>
public sealed class ParkingFixture : HostFixture
{
    public const decimal RefusedAmount = 17.17m;

    public volatile bool Refusing = true;

    protected override IDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Outbox:MaxAttempts"] = "2",
        ["Outbox:CleanupInterval"] = "00:00:00.500",
        ["Outbox:BacklogRefreshInterval"] = "00:00:00.200",
    };

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton(this);
        services.AddTransient<INotificationHandler<EventBatch<FundsAdded>>, RefusingConsumer>();
    }

    private sealed class RefusingConsumer(ParkingFixture fixture) : INotificationHandler<EventBatch<FundsAdded>>
    {
        public Task Handle(EventBatch<FundsAdded> batch, CancellationToken cancellationToken) =>
            EventBatch<FundsAdded>.ForEachAsync(batch.Events, e =>
                fixture.Refusing && e.Amount == RefusedAmount ? throw new InvalidOperationException("Refused on purpose.") : Task.CompletedTask);
    }
}

public sealed class ParkedMessagesTests(ParkingFixture fixture) : IClassFixture<ParkingFixture>
{
    [Fact]
    public async Task A_parked_message_keeps_its_inbox_rows_and_an_admin_requeue_delivers_it_without_notifying_twice()
    {
        var user = await ApiClient.RegisterAsync(fixture.Http);
        var refused = await user.DepositAsync(ParkingFixture.RefusedAmount);
        var accepted = await user.DepositAsync(5m);
        var parkedId = await Eventually.ReturnsAsync(() => OutboxIdAsync(refused, "parked_at IS NOT NULL"), (Guid? id) => id is not null, "the message parked");
        var deliveredId = await Eventually.ReturnsAsync(() => OutboxIdAsync(accepted, "processed_at IS NOT NULL"), (Guid? id) => id is not null, "the other delivered");
        Assert.Equal(2, (await user.NotificationsAsync()).Count);

        // Both inbox rows far past the retention: only the one whose event can never come again may go.
        await ExecuteAsync("UPDATE notifications.inbox_messages SET processed_at = now() - interval '30 days'");
        await Eventually.ReturnsAsync(() => InboxRowsAsync(deliveredId!.Value), n => n == 0, "the delivered event's inbox row cleaned up");
        Assert.Equal(1, await InboxRowsAsync(parkedId!.Value));

        var admin = await ApiClient.LogInAsync(fixture.Http, TestHost.AdminEmail, TestHost.AdminPassword);
        var listed = (await admin.GetAsync("/api/admin/parked-messages?module=wallet")).Data["messages"]!.AsArray()
            .Single(m => m!["id"]!.GetValue<Guid>() == parkedId)!;
        Assert.Equal("wallet", listed["module"]!.GetValue<string>());
        Assert.Equal("wallet.funds_added", listed["type"]!.GetValue<string>());
        Assert.Equal(2, listed["attempts"]!.GetValue<int>());
        Assert.Contains("Refused on purpose.", listed["last_error"]!.GetValue<string>());

        fixture.Refusing = false;
        var requeued = await admin.PostAsync($"/api/admin/parked-messages/{parkedId}/requeue");
        Assert.Equal(HttpStatusCode.OK, requeued.Status);
        Assert.Equal(1, requeued.Data["requeued"]!.GetValue<int>());
        await Eventually.ReturnsAsync(() => OutboxIdAsync(refused, "processed_at IS NOT NULL"), (Guid? id) => id == parkedId, "the requeued message delivered");
        Assert.Equal(2, (await user.NotificationsAsync()).Count);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/admin/parked-messages/{parkedId}/requeue")).Status);
    }

    [Fact]
    public async Task The_parked_gauge_counts_a_parked_message_until_it_is_requeued()
    {
        fixture.Refusing = true;
        var baseline = await Eventually.ReturnsAsync(() => ParkedGaugeAsync(), (double? v) => v is not null, "the parked gauge");
        var user = await ApiClient.RegisterAsync(fixture.Http);
        var refused = await user.DepositAsync(ParkingFixture.RefusedAmount);
        var parkedId = await Eventually.ReturnsAsync(() => OutboxIdAsync(refused, "parked_at IS NOT NULL"), (Guid? id) => id is not null, "the message parked");
        await Eventually.ReturnsAsync(() => ParkedGaugeAsync(), v => v == baseline + 1, "the parked gauge to count it");

        fixture.Refusing = false;
        var admin = await ApiClient.LogInAsync(fixture.Http, TestHost.AdminEmail, TestHost.AdminPassword);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/admin/parked-messages/{parkedId}/requeue")).Status);
        await Eventually.ReturnsAsync(() => ParkedGaugeAsync(), v => v == baseline, "the parked gauge to let it go");
        await Eventually.ReturnsAsync(
            () => PrometheusScrape.ValueAsync(fixture.Http, "outbox_backlog_pending", ("module", "wallet")), v => v == 0, "nothing pending");
    }

    [Fact]
    public async Task A_module_wide_requeue_delivers_every_parked_message_of_that_module_once()
    {
        fixture.Refusing = true;
        var user = await ApiClient.RegisterAsync(fixture.Http);
        var refused = new[] { await user.DepositAsync(ParkingFixture.RefusedAmount), await user.DepositAsync(ParkingFixture.RefusedAmount) };
        foreach (var deposit in refused)
            await Eventually.ReturnsAsync(() => OutboxIdAsync(deposit, "parked_at IS NOT NULL"), (Guid? id) => id is not null, "the message parked");
        const string walletParked = "SELECT count(*) FROM wallet.outbox_messages WHERE parked_at IS NOT NULL";
        var parked = await Ledger.CountAsync(walletParked);
        Assert.Equal(2, (await user.NotificationsAsync()).Count);

        fixture.Refusing = false;
        var admin = await ApiClient.LogInAsync(fixture.Http, TestHost.AdminEmail, TestHost.AdminPassword);
        var requeued = await admin.PostAsync("/api/admin/modules/wallet/parked-messages/requeue");

        Assert.Equal(HttpStatusCode.OK, requeued.Status);
        Assert.Equal(parked, requeued.Data["requeued"]!.GetValue<int>());
        foreach (var deposit in refused)
            await Eventually.ReturnsAsync(() => OutboxIdAsync(deposit, "processed_at IS NOT NULL"), (Guid? id) => id is not null, "the requeued message delivered");
        Assert.Equal(0, await Ledger.CountAsync(walletParked));
        // The notifications' consumer had stored both before they parked: its inbox refuses them the second time.
        Assert.Equal(2, (await user.NotificationsAsync()).Count);
    }

    [Fact]
    public async Task Only_admins_see_and_requeue_parked_messages_and_bad_input_is_named()
    {
        var user = await ApiClient.RegisterAsync(fixture.Http);
        Assert.Equal(HttpStatusCode.Forbidden, (await user.GetAsync("/api/admin/parked-messages")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await user.PostAsync("/api/admin/modules/wallet/parked-messages/requeue")).Status);

        var admin = await ApiClient.LogInAsync(fixture.Http, TestHost.AdminEmail, TestHost.AdminPassword);
        Assert.True((await admin.GetAsync("/api/admin/parked-messages?module=bank")).Errors.ContainsKey("module"));
        Assert.True((await admin.GetAsync("/api/admin/parked-messages?limit=0")).Errors.ContainsKey("limit"));
        Assert.True((await admin.PostAsync("/api/admin/modules/bank/parked-messages/requeue")).Errors.ContainsKey("module"));
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsync("/api/admin/parked-messages/not-a-guid/requeue")).Status);
        var none = await admin.PostAsync("/api/admin/modules/loans/parked-messages/requeue");
        Assert.Equal(0, none.Data["requeued"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_idempotency_key_older_than_the_retention_acts_anew_and_a_recent_one_still_replays()
    {
        var user = await ApiClient.RegisterAsync(fixture.Http);
        var old = await user.PostAsync("/api/wallet/deposits", new { amount = 10m }, idempotencyKey: "old-key");
        var recent = await user.PostAsync("/api/wallet/deposits", new { amount = 20m }, idempotencyKey: "recent-key");
        await ExecuteAsync($"UPDATE wallet.idempotency_records SET created_at = now() - interval '8 days' WHERE user_id = {user.UserId} AND key = 'old-key'");
        await Eventually.ReturnsAsync(() => IdempotencyRecordsAsync(user.UserId), n => n == 1, "the expired key cleaned up");

        var replayed = await user.PostAsync("/api/wallet/deposits", new { amount = 20m }, idempotencyKey: "recent-key");
        Assert.Equal(TransactionId(recent), TransactionId(replayed));
        var anew = await user.PostAsync("/api/wallet/deposits", new { amount = 10m }, idempotencyKey: "old-key");
        Assert.NotEqual(TransactionId(old), TransactionId(anew));
        Assert.Equal(40.00m, await user.BalanceAsync());
    }

    private static long TransactionId(ApiResponse response) => response.Data["transaction"]!["id"]!.GetValue<long>();

    private Ledger Ledger => new(fixture.Database);

    private Task<double?> ParkedGaugeAsync() => PrometheusScrape.ValueAsync(fixture.Http, "outbox_backlog_parked", ("module", "wallet"));

    private Task<Guid?> OutboxIdAsync(ApiResponse deposit, string condition) => Ledger.ValueAsync<Guid?>(
        $"SELECT id FROM wallet.outbox_messages WHERE (payload ->> 'TransactionId')::bigint = {TransactionId(deposit)} AND {condition}");

    private Task<long> InboxRowsAsync(Guid eventId) =>
        Ledger.CountAsync($"SELECT count(*) FROM notifications.inbox_messages WHERE event_id = '{eventId}'");

    private Task<long> IdempotencyRecordsAsync(long userId) =>
        Ledger.CountAsync($"SELECT count(*) FROM wallet.idempotency_records WHERE user_id = {userId}");

    private Task ExecuteAsync(string sql) => Ledger.ExecuteAsync(sql);
}
