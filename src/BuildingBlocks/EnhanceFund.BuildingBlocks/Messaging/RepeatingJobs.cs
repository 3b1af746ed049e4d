using Quartz;

namespace EnhanceFund.BuildingBlocks.Messaging;

public static class RepeatingJobs
{
    /// <summary>
    /// Schedules a job on this instance's scheduler, now and then every <paramref name="interval"/>; a firing missed
    /// while the previous one ran is skipped, not made up.
    /// </summary>
    public static void AddRepeatingJob<TJob>(this QuartzOptions quartz, string name, TimeSpan interval)
        where TJob : IJob
    {
        var key = new JobKey(name);
        quartz.AddJob<TJob>(job => job.WithIdentity(key));
        quartz.AddTrigger(trigger => trigger
            .ForJob(key)
            .StartNow()
            .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever().WithMisfireHandlingInstructionNextWithRemainingCount()));
    }
}
