using EnhanceFund.BuildingBlocks.Persistence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace EnhanceFund.BuildingBlocks.Messaging;

/// <summary>
/// Runs a module's relay for one slice per firing: it drains the outbox, then sleeps until a commit wakes it
/// or the poll interval passes (for other instances' rows and due retries), and again, until the slice ends
/// or the application stops; the next firing of the same trigger takes over. Long slices matter: between
/// two firings nothing relays, and Quartz takes a while to fire a trigger its running job had blocked.
/// No trigger is ever created per commit.
/// </summary>
[DisallowConcurrentExecution]
public sealed class OutboxRelayJob<TContext>(
    OutboxRelay<TContext> relay,
    OutboxSignal<TContext> signal,
    IOptions<OutboxOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider clock,
    ILogger<OutboxRelayJob<TContext>> logger) : IJob
    where TContext : ModuleDbContext
{
    public async Task Execute(IJobExecutionContext context)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime.ApplicationStopping);
        var sliceEnds = clock.GetUtcNow() + options.Value.RelaySlice;
        try
        {
            var deliveredAt = DateTimeOffset.MinValue;
            while (!stop.IsCancellationRequested)
            {
                if (await DrainAsync(stop.Token) > 0) deliveredAt = clock.GetUtcNow();

                var left = sliceEnds - clock.GetUtcNow();
                if (left <= TimeSpan.Zero) return;
                if (await signal.WaitAsync(left < options.Value.PollInterval ? left : options.Value.PollInterval, stop.Token))
                {
                    await SpaceOutAsync(deliveredAt, stop.Token);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Shutting down: whatever was not relayed stays in the outbox for the next start or another instance.
        }
    }

    /// <summary>
    /// Woken by a commit soon after a drain that delivered, waits until <see cref="OutboxOptions.DrainSpacing"/> has
    /// passed since it: under load, one claim then takes the commits of those milliseconds together, and every round
    /// trip and wake-up of a batch (the claim, the consumers' statements and commits, the pushes' Redis calls) is
    /// shared by more events. A relay idle for longer claims at once, so a lone event is never held.
    /// </summary>
    private Task SpaceOutAsync(DateTimeOffset deliveredAt, CancellationToken stopping)
    {
        var wait = deliveredAt + options.Value.DrainSpacing - clock.GetUtcNow();
        return wait > TimeSpan.Zero ? Task.Delay(wait, clock, stopping) : Task.CompletedTask;
    }

    /// <summary>
    /// Relays while batches come back full; returns how many messages it claimed. A batch that fails as a whole (the
    /// database went away mid-batch) rolls back its claim, so its messages are claimed again at the next wake-up, here
    /// or on another instance.
    /// </summary>
    private async Task<int> DrainAsync(CancellationToken stopping)
    {
        var relayed = 0;
        try
        {
            int claimed;
            do
            {
                claimed = await relay.RelayBatchAsync(stopping);
                relayed += claimed;
            }
            while (claimed == options.Value.BatchSize);
        }
        catch (Exception ex) when (!stopping.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Relaying the {Context} outbox failed; trying again at the next wake-up", typeof(TContext).Name);
        }

        return relayed;
    }
}
