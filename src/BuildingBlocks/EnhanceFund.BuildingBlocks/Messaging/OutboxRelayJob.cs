using EnhanceFund.BuildingBlocks.Persistence;
using Microsoft.Extensions.Options;
using Quartz;

namespace EnhanceFund.BuildingBlocks.Messaging;

/// <summary>
/// Runs a module's relay for one poll interval per firing: it drains the outbox, then sleeps until a commit
/// wakes it or the interval ends, when the next firing of the same trigger takes over. So a local commit is
/// relayed at once, other instances' rows and due retries within one interval, and no trigger is ever
/// created per commit.
/// </summary>
[DisallowConcurrentExecution]
public sealed class OutboxRelayJob<TContext>(
    OutboxRelay<TContext> relay,
    OutboxSignal<TContext> signal,
    IOptions<OutboxOptions> options,
    TimeProvider clock) : IJob
    where TContext : ModuleDbContext
{
    public async Task Execute(IJobExecutionContext context)
    {
        var cancellationToken = context.CancellationToken;
        var sliceEnds = clock.GetUtcNow() + options.Value.PollInterval;
        do
        {
            while (await relay.RelayBatchAsync(cancellationToken) == options.Value.BatchSize)
            {
            }
        }
        while (await signal.WaitAsync(sliceEnds - clock.GetUtcNow(), cancellationToken));
    }
}
