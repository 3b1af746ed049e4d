using EnhanceFund.IntegrationTests.Infrastructure;

namespace EnhanceFund.IntegrationTests.Lending;

public sealed class RedeliveryTests(TwoHostsFixture fixture) : IClassFixture<TwoHostsFixture>
{
    [Fact]
    public async Task Every_event_of_a_loans_life_delivered_again_and_again_still_has_each_effect_and_notification_once()
    {
        var ledger = new Ledger(fixture.Database);
        var life = await LoanLifecycle.CastAsync(fixture.Http, fixture.Other.Http);

        // While the loan lives, delivered events keep being marked undelivered, as if relays crashed before recording
        // their work: steps are redelivered out of order, interleaved with later steps, by either instance.
        using var stop = new CancellationTokenSource();
        var rewinding = RewindUntilStoppedAsync(ledger, stop.Token);
        await life.PlayAsync();
        await stop.CancelAsync();
        Assert.True(await rewinding > 0, "nothing was redelivered during the play");

        // And afterwards every event once more, so none escapes a second delivery.
        await Eventually.ReturnsAsync(ledger.UndeliveredAsync, n => n == 0, "every outbox delivered");
        var delivered = await ledger.DeliveredAsync();
        Assert.Equal(delivered, await ledger.RewindDeliveredAsync());
        await Eventually.ReturnsAsync(ledger.UndeliveredAsync, n => n == 0, "every outbox delivered again");
        Assert.Equal(0, await ledger.ParkedAsync());

        await life.AssertSettledAsync();
    }

    /// <summary>A bounded loop: stops when told, or after a minute whatever happens.</summary>
    private static async Task<int> RewindUntilStoppedAsync(Ledger ledger, CancellationToken stop)
    {
        var rewound = 0;
        for (var i = 0; i < 600 && !stop.IsCancellationRequested; i++)
        {
            rewound += await ledger.RewindDeliveredAsync();
            try
            {
                await Task.Delay(100, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return rewound;
    }
}
