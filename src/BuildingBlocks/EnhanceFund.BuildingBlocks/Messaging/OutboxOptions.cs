using EnhanceFund.BuildingBlocks.Configuration;

namespace EnhanceFund.BuildingBlocks.Messaging;

/// <summary>Relay tuning, bound from the <c>Outbox</c> configuration section.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>Rows claimed per transaction; a full batch makes the relay go again at once.</summary>
    [Positive]
    public int BatchSize { get; set; } = 100;

    /// <summary>
    /// The least time from the end of a drain that delivered to the next claim that a commit wakes. Under load it
    /// gathers a few milliseconds of commits into one batch; a relay idle for longer claims at once. Zero claims at
    /// every wake-up.
    /// </summary>
    [Positive(OrZero = true)]
    public TimeSpan DrainSpacing { get; set; } = TimeSpan.FromMilliseconds(2);

    /// <summary>The fallback poll, for rows other instances wrote and for retries that come due.</summary>
    [Positive]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one firing of the relay job keeps relaying before the next firing takes over.</summary>
    [Positive]
    public TimeSpan RelaySlice { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Deliveries before a message is parked (dead-lettered).</summary>
    [Positive]
    public int MaxAttempts { get; set; } = 10;

    /// <summary>The first retry delay; each further attempt doubles it, up to <see cref="MaxRetryDelay"/>.</summary>
    [Positive]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    [Positive]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long processed outbox rows and inbox rows are kept before the cleanup job deletes them.</summary>
    [Positive]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    [Positive]
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Rows the cleanup job deletes per statement: each holds its locks briefly, however large the backlog.</summary>
    [Positive]
    public int CleanupBatchSize { get; set; } = 1000;

    /// <summary>How old the pending and parked counts a metrics scrape reports may be: at most one count per module per interval.</summary>
    [Positive]
    public TimeSpan BacklogRefreshInterval { get; set; } = TimeSpan.FromSeconds(15);

    public TimeSpan BackoffAfter(int attempts)
    {
        var delay = RetryBaseDelay * Math.Pow(2, Math.Min(attempts - 1, 20));
        return delay < MaxRetryDelay ? delay : MaxRetryDelay;
    }
}
