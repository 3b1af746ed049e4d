using System.Collections.Concurrent;
using System.Net;
using EnhanceFund.BuildingBlocks.Messaging;
using EnhanceFund.IntegrationTests.Infrastructure;
using EnhanceFund.Wallet.Contracts;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace EnhanceFund.IntegrationTests;

/// <summary>
/// A Host with two consumers that fail on purpose, registered after the module's own, so every failure
/// happens after the notification has been committed: the relay then redelivers an event whose
/// notification already exists, exactly as after a crash before the row is marked processed.
/// </summary>
public sealed class FaultyConsumersFixture : HostFixture
{
    public const decimal PoisonAmount = 13.13m;
    public const decimal FlakyAmount = 21.21m;
    public const int MaxAttempts = 3;

    public ConcurrentDictionary<Guid, int> FlakyAttempts { get; } = new();

    protected override IDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Outbox:MaxAttempts"] = MaxAttempts.ToString(),
    };

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton(this);
        services.AddTransient<INotificationHandler<EventBatch<FundsAdded>>, FlakyConsumer>();
        services.AddTransient<INotificationHandler<EventBatch<FundsAdded>>, PoisonConsumer>();
    }

    /// <summary>Fails the first two deliveries of a FlakyAmount deposit, then succeeds.</summary>
    private sealed class FlakyConsumer(FaultyConsumersFixture fixture) : INotificationHandler<EventBatch<FundsAdded>>
    {
        public Task Handle(EventBatch<FundsAdded> batch, CancellationToken cancellationToken) =>
            EventBatch<FundsAdded>.ForEachAsync(batch.Events, e =>
                e.Amount == FlakyAmount && fixture.FlakyAttempts.AddOrUpdate(e.EventId, 1, (_, n) => n + 1) <= 2
                    ? throw new InvalidOperationException("Failing on purpose (transient).")
                    : Task.CompletedTask);
    }

    /// <summary>Never accepts a PoisonAmount deposit.</summary>
    private sealed class PoisonConsumer : INotificationHandler<EventBatch<FundsAdded>>
    {
        public Task Handle(EventBatch<FundsAdded> batch, CancellationToken cancellationToken) =>
            EventBatch<FundsAdded>.ForEachAsync(batch.Events, e =>
                e.Amount == PoisonAmount ? throw new InvalidOperationException("Failing on purpose (poison).") : Task.CompletedTask);
    }
}

public sealed class FaultToleranceTests(FaultyConsumersFixture fixture) : IClassFixture<FaultyConsumersFixture>
{
    private readonly Ledger _ledger = new(fixture.Database);

    [Fact]
    public async Task A_failing_consumer_is_retried_until_it_succeeds_and_the_event_yields_one_notification()
    {
        var user = await ApiClient.RegisterAsync(fixture.Http);
        var deposit = await user.PostAsync("/api/wallet/deposits", new { amount = FaultyConsumersFixture.FlakyAmount });
        Assert.Equal(HttpStatusCode.Created, deposit.Status);

        var row = await Eventually.ReturnsAsync(
            () => OutboxRowAsync(deposit), r => r.Processed, "the flaky message to be processed");

        Assert.Equal(2, row.Attempts);
        Assert.Equal(3, fixture.FlakyAttempts.Values.Single(v => v >= 3));
        Assert.Contains("Failing on purpose (transient)", row.LastError);
        var notifications = await user.NotificationsAsync();
        Assert.Single(notifications);
    }

    [Fact]
    public async Task A_poison_message_is_parked_while_later_messages_still_flow()
    {
        var user = await ApiClient.RegisterAsync(fixture.Http);
        var poison = await user.PostAsync("/api/wallet/deposits", new { amount = FaultyConsumersFixture.PoisonAmount });
        var later = await Task.WhenAll(Enumerable.Range(1, 3).Select(i => user.PostAsync("/api/wallet/deposits", new { amount = i })));
        Assert.All(later, r => Assert.Equal(HttpStatusCode.Created, r.Status));

        // The later deposits are notified while the poison message is still being retried.
        var notifications = await user.NotificationsEventuallyAsync(4);

        var parked = await Eventually.ReturnsAsync(() => OutboxRowAsync(poison), r => r.Parked, "the poison message to be parked");
        Assert.Equal(FaultyConsumersFixture.MaxAttempts, parked.Attempts);
        Assert.False(parked.Processed);
        Assert.Contains("Failing on purpose (poison)", parked.LastError);
        foreach (var response in later) Assert.True((await OutboxRowAsync(response)).Processed);

        // Its notification was committed on the first delivery; the retries found it in the inbox.
        Assert.Equal(4, (await user.NotificationsAsync()).Count);
        Assert.Equal(4, notifications.Count);
    }

    private Task<WalletOutboxRow> OutboxRowAsync(ApiResponse deposit) =>
        _ledger.WalletOutboxRowAsync(deposit.Data["transaction"]!["id"]!.GetValue<long>());
}
