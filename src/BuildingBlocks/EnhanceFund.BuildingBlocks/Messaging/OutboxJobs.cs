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
            var relay = new JobKey($"outbox-relay-{schema}");
            quartz.AddJob<OutboxRelayJob<TContext>>(job => job.WithIdentity(relay));
            quartz.AddTrigger(trigger => trigger
                .ForJob(relay)
                .StartNow()
                .WithSimpleSchedule(s => s.WithInterval(outbox.Value.PollInterval).RepeatForever()
                    .WithMisfireHandlingInstructionNextWithRemainingCount()));

            var cleanup = new JobKey($"outbox-cleanup-{schema}");
            quartz.AddJob<ModuleCleanupJob<TContext>>(job => job.WithIdentity(cleanup));
            quartz.AddTrigger(trigger => trigger
                .ForJob(cleanup)
                .StartNow()
                .WithSimpleSchedule(s => s.WithInterval(outbox.Value.CleanupInterval).RepeatForever()
                    .WithMisfireHandlingInstructionNextWithRemainingCount()));
        });
    }
}
