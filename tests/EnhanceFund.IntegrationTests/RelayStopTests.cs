using System.Net;
using EnhanceFund.BuildingBlocks.Messaging;
using EnhanceFund.IntegrationTests.Infrastructure;
using EnhanceFund.Wallet.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace EnhanceFund.IntegrationTests;

/// <summary>
/// A relay told to stop finishes the run of messages in hand and puts back the rest of its claim. A Host of its own:
/// this leaves a withdrawal among the Wallet's rows, which <see cref="BatchDeliveryTests"/> count as deposits.
/// </summary>
public sealed class RelayStopTests(BatchDeliveryFixture fixture) : IClassFixture<BatchDeliveryFixture>
{
    private readonly Ledger _ledger = new(fixture.Database);

    [Fact]
    public async Task A_relay_stopped_in_the_middle_of_a_batch_puts_back_what_it_did_not_deliver_which_is_delivered_later()
    {
        var user = await ApiClient.RegisterAsync(fixture.Http);
        // The Host's relay is held on a first deposit, so the relay this test runs claims the next rows alone.
        var opener = await ApiClient.RegisterAsync(fixture.Http);
        var held = fixture.Gate.HoldNextBatch();
        Assert.Equal(HttpStatusCode.Created, (await opener.PostAsync("/api/wallet/deposits", new { amount = 1m })).Status);
        await held.Held.WaitAsync(TimeSpan.FromSeconds(15));
        long depositId, withdrawalId;
        try
        {
            // A deposit, then a withdrawal: one claim, two runs (FundsAdded, then FundsWithdrawn).
            depositId = (await user.PostAsync("/api/wallet/deposits", new { amount = 5m })).Data["transaction"]!["id"]!.GetValue<long>();
            withdrawalId = (await user.PostAsync("/api/wallet/withdrawals", new { amount = 2m })).Data["transaction"]!["id"]!.GetValue<long>();
            using var stop = new CancellationTokenSource();
            fixture.Gate.Then(_ => stop.CancelAsync());
            using var scope = fixture.Host.Services.CreateScope();
            var claimed = await scope.ServiceProvider.GetRequiredService<OutboxRelay<WalletDbContext>>().RelayBatchAsync(stop.Token);

            // The stop came during the deposit's run: it stays delivered; the withdrawal, never tried, is back as it was.
            Assert.Equal(2, claimed);
            Assert.Equal(new WalletOutboxRow(0, Processed: true, Parked: false, ""), await _ledger.WalletOutboxRowAsync(depositId));
            Assert.Equal(new WalletOutboxRow(0, Processed: false, Parked: false, ""), await _ledger.WalletOutboxRowAsync(withdrawalId));
        }
        finally
        {
            held.Release();
        }

        // The Host's relay takes the withdrawal up: each event notified once.
        var notifications = await user.NotificationsEventuallyAsync(2);
        Assert.Equal(["fund_added", "fund_withdrawn"], notifications.Select(n => n!["notification_type"]!.GetValue<string>()).Order());
        Assert.Equal([depositId, withdrawalId], notifications.Select(n => n!["related_id"]!.GetValue<long>()).Order());
    }
}
