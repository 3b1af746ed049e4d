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
            while (!stop.IsCancellationRequested)
            {
                await DrainAsync(stop.Token);

                var left = sliceEnds - clock.GetUtcNow();
                if (left <= TimeSpan.Zero) return;
                await signal.WaitAsync(left < options.Value.PollInterval ? left : options.Value.PollInterval, stop.Token);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Shutting down: whatever was not relayed stays in the outbox for the next start or another instance.
        }
    }

    /// <summary>
    /// Relays while batches come back full. A batch that fails as a whole (the database went away mid-batch) rolls
    /// back its claim, so its messages are claimed again at the next wake-up, here or on another instance.
    /// </summary>
    private async Task DrainAsync(CancellationToken stopping)
    {
        try
        {
            while (await relay.RelayBatchAsync(stopping) == options.Value.BatchSize)
            {
            }
        }
        catch (Exception ex) when (!stopping.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Relaying the {Context} outbox failed; trying again at the next wake-up", typeof(TContext).Name);
        }
    }
}
