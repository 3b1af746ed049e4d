using EnhanceFund.BuildingBlocks.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartz;

namespace EnhanceFund.BuildingBlocks.Messaging;

internal static class OutboxJobs
{
    /// <summary>Schedules a module's relay (every poll interval) and its cleanup on this instance's scheduler.</summary>
    public static void AddOutboxJobs<TContext>(this IServiceCollection services, string schema)
        where TContext : ModuleDbContext
    {
        services.AddOptions<QuartzOptions>().Configure<IOptions<OutboxOptions>>((quartz, outbox) =>
        {
            quartz.AddRepeatingJob<OutboxRelayJob<TContext>>($"outbox-relay-{schema}", outbox.Value.PollInterval);
            quartz.AddRepeatingJob<ModuleCleanupJob<TContext>>($"outbox-cleanup-{schema}", outbox.Value.CleanupInterval);
        });
    }
}
