using System.Net;
using EnhanceFund.BuildingBlocks.Messaging;
using EnhanceFund.IntegrationTests.Infrastructure;
using EnhanceFund.Wallet.Contracts;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace EnhanceFund.IntegrationTests;

/// <summary>Two instances whose every delivery of FundsAdded is recorded in one log.</summary>
public sealed class TwoInstancesFixture : TwoHostsFixture
{
    public DeliveryLog Deliveries { get; } = new();

    // Both instances record into one log: a delivery by either relay counts.
    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton(Deliveries);
        services.AddTransient<INotificationHandler<EventBatch<FundsAdded>>, RecordingConsumer>();
    }
}

public sealed class TwoInstancesTests(TwoInstancesFixture fixture) : IClassFixture<TwoInstancesFixture>
{
    [Fact]
    public async Task A_deposit_made_through_instance_A_is_pushed_to_a_client_connected_to_instance_B()
    {
        var user = await ApiClient.RegisterAsync(fixture.Http);
        await using var onB = await LiveClient.ConnectAsync(fixture.Other.Address, user.Token);

        var deposit = await user.PostAsync("/api/wallet/deposits", new { amount = 77m });
        Assert.Equal(HttpStatusCode.Created, deposit.Status);

        var pushed = (await onB.NotificationsEventuallyAsync(1)).Single();
        Assert.Equal("Your wallet has been credited with $77.00. New balance: $77.00.", pushed.GetProperty("message").GetString());
        var servedByB = (await user.Via(fixture.Other.Http).NotificationsAsync()).Single()!;
        Assert.Equal(servedByB["id"]!.GetValue<long>(), pushed.GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task Two_relays_share_the_outbox_and_never_deliver_one_event_twice()
    {
        // Deposits land on both instances, so both relays race for the same outbox table.
        var users = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => ApiClient.RegisterAsync(fixture.Http)));
        var deposits = users.SelectMany(user => Enumerable.Range(1, 5).Select(i =>
            (i % 2 == 0 ? user : user.Via(fixture.Other.Http)).PostAsync("/api/wallet/deposits", new { amount = i })));
        var responses = await Task.WhenAll(deposits);
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.Status));

        foreach (var user in users)
        {
            var notifications = await user.NotificationsEventuallyAsync(5);
            Assert.Equal(5, notifications.Count);
            Assert.Equal(5, notifications.Select(n => n!["related_id"]!.GetValue<long>()).Distinct().Count());
        }

        // Both instances record every delivery they make into one log: each event appears there once.
        await Eventually.ReturnsAsync(() => OutboxStateAsync(), s => s.Unprocessed == 0, "an empty outbox");
        var state = await OutboxStateAsync();
        Assert.Equal(0, state.Retried);
        Assert.Equal(state.Processed, fixture.Deliveries.Deliveries.Count);
        Assert.All(fixture.Deliveries.Deliveries.Values, count => Assert.Equal(1, count));
    }

    private async Task<(int Processed, int Unprocessed, int Retried)> OutboxStateAsync()
    {
        await using var connection = new Npgsql.NpgsqlConnection(fixture.Database);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            """
            SELECT count(*) FILTER (WHERE processed_at IS NOT NULL AND type = 'wallet.funds_added'),
                   count(*) FILTER (WHERE processed_at IS NULL),
                   count(*) FILTER (WHERE attempts > 0)
            FROM wallet.outbox_messages
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return ((int)reader.GetInt64(0), (int)reader.GetInt64(1), (int)reader.GetInt64(2));
    }
}
