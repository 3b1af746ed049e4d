using System.Net;
using System.Text.Json.Nodes;
using EnhanceFund.BuildingBlocks.Messaging;
using EnhanceFund.IntegrationTests.Infrastructure;
using EnhanceFund.Wallet.Contracts;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace EnhanceFund.IntegrationTests;

/// <summary>
/// A Host whose FundsAdded batches pass a gate the tests control; a message fails three times before it is parked,
/// and is retried a second after each failure.
/// </summary>
public sealed class BatchDeliveryFixture : HostFixture
{
    public const int MaxAttempts = 3;

    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    public BatchGate Gate { get; } = new();

    protected override IDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Outbox:MaxAttempts"] = MaxAttempts.ToString(),
        ["Outbox:RetryBaseDelay"] = RetryDelay.ToString(),
        ["Outbox:MaxRetryDelay"] = RetryDelay.ToString(),
    };

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton(Gate);
        services.AddTransient<INotificationHandler<EventBatch<FundsAdded>>, GateConsumer>();
    }
}

/// <summary>
/// The relay hands consumers whole batches, and the notifications of a batch commit in one transaction. These break a
/// batch on purpose: the relay dies after the consumers committed, the whole batch is delivered again, one event in
/// the middle cannot be stored. Each time: one notification per event, ids in the order each user's events happened.
/// </summary>
public sealed class BatchDeliveryTests(BatchDeliveryFixture fixture) : IClassFixture<BatchDeliveryFixture>
{
    private const decimal PoisonAmount = 13.13m;

    private readonly Ledger _ledger = new(fixture.Database);

    [Fact]
    public async Task A_relay_that_dies_after_its_batch_was_stored_leaves_it_to_be_delivered_again_without_a_second_notification()
    {
        var users = await RegisterAsync(4);
        var parkedBefore = await _ledger.ParkedAsync();
        var crashed = 0;
        var (batch, _) = await DepositWhileTheRelayIsHeldAsync(users, perUser: 5, then: async _ =>
            crashed = await _ledger.CrashRelayHoldingABatchAsync("wallet"));
        Assert.Equal(20, batch);

        await Eventually.ReturnsAsync(_ledger.PendingAsync, n => n == 0, "the batch delivered again and recorded");
        Assert.Equal(1, crashed);
        Assert.Equal(parkedBefore, await _ledger.ParkedAsync());
        Assert.Equal(2, fixture.Gate.BatchSizes.Count(size => size == batch));
        foreach (var user in users) await AssertOneNotificationPerDepositInOrderAsync(user, 5);
    }

    [Fact]
    public async Task A_whole_batch_delivered_again_adds_nothing()
    {
        var users = await RegisterAsync(3);
        var parkedBefore = await _ledger.ParkedAsync();
        var (batch, _) = await DepositWhileTheRelayIsHeldAsync(users, perUser: 4);
        Assert.Equal(12, batch);
        await Eventually.ReturnsAsync(_ledger.PendingAsync, n => n == 0, "every deposit delivered");

        // While the relay is held on one more deposit, every delivered Wallet row is marked undelivered: the next claim takes
        // them all at once (up to the batch size), and the batch goes to the consumers a second time.
        var held = fixture.Gate.HoldNextBatch();
        await users[0].PostAsync("/api/wallet/deposits", new { amount = 1m });
        await held.Held;
        var seenBefore = fixture.Gate.BatchSizes.Count;
        var rewound = await _ledger.RewindDeliveredAsync("wallet");
        held.Release();

        await Eventually.ReturnsAsync(_ledger.PendingAsync, n => n == 0, "the rewound rows delivered again");
        Assert.True(rewound > batch, $"only {rewound} rows rewound");
        Assert.Equal(parkedBefore, await _ledger.ParkedAsync());
        Assert.Equal(Math.Min(rewound, 100), fixture.Gate.BatchSizes.ElementAt(seenBefore));
        await AssertOneNotificationPerDepositInOrderAsync(users[0], 5);
        foreach (var user in users.Skip(1)) await AssertOneNotificationPerDepositInOrderAsync(user, 4);
    }

    [Fact]
    public async Task An_event_that_cannot_be_stored_in_the_middle_of_a_batch_is_parked_alone_and_the_rest_are_notified_once()
    {
        // The notification of a PoisonAmount deposit is refused by the database, so the batch's one transaction fails.
        await _ledger.RefuseDepositNotificationsAsync(PoisonAmount);
        var users = await RegisterAsync(2);
        var parkedBefore = await _ledger.ParkedAsync();
        var (batch, poisonId) = await DepositWhileTheRelayIsHeldAsync(users, perUser: 5, poisonAt: 7);
        Assert.Equal(10, batch);

        var parked = await Eventually.ReturnsAsync(() => _ledger.ParkedAsync(), n => n == parkedBefore + 1, "the poison message parked");
        Assert.Equal(parkedBefore + 1, parked);
        Assert.Equal(0, await _ledger.PendingAsync());
        var poison = await _ledger.WalletOutboxRowAsync(poisonId!.Value);
        Assert.Equal(BatchDeliveryFixture.MaxAttempts, poison.Attempts);
        Assert.Contains(Ledger.PoisonRefused, poison.LastError);

        await AssertOneNotificationPerDepositInOrderAsync(users[0], 5);
        var second = await AssertOneNotificationPerDepositInOrderAsync(users[1], 4);
        Assert.DoesNotContain(second, n => n!["related_id"]!.GetValue<long>() == poisonId);
    }

    [Fact]
    public async Task A_failed_event_is_retried_a_delay_after_it_failed_however_long_its_batch_took()
    {
        await _ledger.RefuseDepositNotificationsAsync(PoisonAmount);
        var users = await RegisterAsync(1);
        var deliveredBy = new TaskCompletionSource<DateTime>();
        var (_, poisonId) = await DepositWhileTheRelayIsHeldAsync(users, perUser: 2, poisonAt: 2, then: async _ =>
        {
            // The batch's delivery outlasts the retry delay: a retry timed from the claim would be due before it failed.
            await Task.Delay(BatchDeliveryFixture.RetryDelay * 2);
            deliveredBy.SetResult(await _ledger.DatabaseClockAsync());
        });

        await Eventually.ReturnsAsync(() => _ledger.WalletOutboxRowAsync(poisonId!.Value), row => row.Attempts > 0, "the poison's first failure");
        var due = await _ledger.WalletOutboxNextAttemptAsync(poisonId!.Value);
        // Parked, it leaves the relay and the gate to the next test.
        await Eventually.ReturnsAsync(() => _ledger.WalletOutboxRowAsync(poisonId.Value), row => row.Parked, "the poison parked");

        var failedAfter = await deliveredBy.Task;
        Assert.True(due >= failedAfter + BatchDeliveryFixture.RetryDelay,
            $"the retry is due at {due:O}, though the first attempt failed after {failedAfter:O}");
    }

    [Fact]
    public async Task A_message_is_counted_parked_only_once_its_parking_has_committed()
    {
        await _ledger.RefuseDepositNotificationsAsync(PoisonAmount);
        // Until the trigger is dropped, every commit that would park a wallet message fails, as a database can at the
        // commit; the sequence (which no rollback undoes) counts the commits refused.
        await _ledger.ExecuteAsync("""
            CREATE SEQUENCE wallet.parkings_refused;
            CREATE FUNCTION wallet.refuse_parking() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM nextval('wallet.parkings_refused');
                RAISE EXCEPTION 'parking refused on purpose';
            END $$;
            CREATE CONSTRAINT TRIGGER refuse_parking AFTER UPDATE ON wallet.outbox_messages
            DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.parked_at IS NOT NULL)
            EXECUTE FUNCTION wallet.refuse_parking();
            """);
        var countedBefore = await ParkedCountedAsync();
        var user = (await RegisterAsync(1))[0];
        var poison = (await user.PostAsync("/api/wallet/deposits", new { amount = PoisonAmount })).Data["transaction"]!["id"]!.GetValue<long>();

        await Eventually.ReturnsAsync(
            () => _ledger.ValueAsync<long>("SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM wallet.parkings_refused"),
            refused => refused >= 2, "two commits that would park the poison refused");
        Assert.False((await _ledger.WalletOutboxRowAsync(poison)).Parked);
        Assert.Equal(countedBefore, await ParkedCountedAsync());

        await _ledger.ExecuteAsync("DROP TRIGGER refuse_parking ON wallet.outbox_messages");
        await Eventually.ReturnsAsync(() => _ledger.WalletOutboxRowAsync(poison), row => row.Parked, "the poison parked");
        await Eventually.ReturnsAsync(ParkedCountedAsync, counted => counted == countedBefore + 1, "the parking counted once");
    }

    private async Task<double> ParkedCountedAsync() =>
        await PrometheusScrape.ValueAsync(fixture.Http, "outbox_messages_parked_total", ("module", "wallet"), ("event_type", "wallet.funds_added")) ?? 0;

    private async Task<ApiClient[]> RegisterAsync(int count) =>
        await Task.WhenAll(Enumerable.Range(0, count).Select(_ => ApiClient.RegisterAsync(fixture.Http)));

    /// <summary>
    /// Holds the relay on a first deposit, makes <paramref name="perUser"/> deposits per user (the
    /// <paramref name="poisonAt"/>-th of them, counting across users, of PoisonAmount), then lets the relay go: they are
    /// all claimed as one batch, whose delivery runs <paramref name="then"/> first. Returns that batch's size and the
    /// poison deposit's transaction id.
    /// </summary>
    private async Task<(int Batch, long? PoisonId)> DepositWhileTheRelayIsHeldAsync(
        ApiClient[] users, int perUser, int? poisonAt = null, Func<EventBatch<FundsAdded>, Task>? then = null)
    {
        var opener = await ApiClient.RegisterAsync(fixture.Http);
        var held = fixture.Gate.HoldNextBatch();
        var batchSize = new TaskCompletionSource<int>();
        fixture.Gate.Then(async batch =>
        {
            batchSize.TrySetResult(batch.Events.Count);
            await (then?.Invoke(batch) ?? Task.CompletedTask);
        });
        Assert.Equal(HttpStatusCode.Created, (await opener.PostAsync("/api/wallet/deposits", new { amount = 1m })).Status);
        await held.Held.WaitAsync(TimeSpan.FromSeconds(15));

        long? poisonId = null;
        var made = 0;
        foreach (var user in users)
        {
            for (var i = 1; i <= perUser; i++)
            {
                var amount = ++made == poisonAt ? PoisonAmount : i;
                var deposit = await user.PostAsync("/api/wallet/deposits", new { amount });
                Assert.Equal(HttpStatusCode.Created, deposit.Status);
                if (amount == PoisonAmount) poisonId = deposit.Data["transaction"]!["id"]!.GetValue<long>();
            }
        }

        held.Release();
        return (await batchSize.Task.WaitAsync(TimeSpan.FromSeconds(15)), poisonId);
    }

    /// <summary>Exactly one fund_added per deposit of the user, ids in the order the deposits were made.</summary>
    private static async Task<JsonArray> AssertOneNotificationPerDepositInOrderAsync(ApiClient user, int deposits)
    {
        var notifications = await user.NotificationsEventuallyAsync(deposits);
        Assert.Equal(deposits, notifications.Count);
        var byId = notifications.OrderBy(n => n!["id"]!.GetValue<long>()).Select(n => n!["related_id"]!.GetValue<long>()).ToList();
        Assert.Equal(byId.Order(), byId);
        Assert.Equal(deposits, byId.Distinct().Count());
        return notifications;
    }
}
