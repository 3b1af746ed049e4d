using EnhanceFund.BuildingBlocks.Configuration;

namespace EnhanceFund.BuildingBlocks.Persistence;

/// <summary>Bound from the <c>Idempotency</c> configuration section.</summary>
public sealed class IdempotencyKeyOptions
{
    public const string Section = "Idempotency";

    /// <summary>
    /// How long a request's first outcome is replayed for its Idempotency-Key; after that (and the next cleanup) the
    /// key is free again. A client retries within seconds or minutes; a week leaves room for a long outage.
    /// </summary>
    [Positive]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);
}
