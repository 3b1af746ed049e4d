namespace EnhanceFund.Notifications.Application.Retention;

/// <summary>How long notifications are kept, bound from the <c>Notifications</c> configuration section.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Notifications";

    /// <summary>Notifications older than this are deleted.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(365);

    /// <summary>How often the deletion runs.</summary>
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Rows deleted per transaction: each batch holds its locks briefly, however large the backlog.</summary>
    public int RetentionBatchSize { get; set; } = 1000;
}
