namespace EnhanceFund.BuildingBlocks.Messaging;

/// <summary>What one more failed delivery makes of a message: retried after a backoff, or parked for a human.</summary>
public sealed record DeliveryFailure(int Attempts, bool Parked, TimeSpan RetryAfter, string Error)
{
    private const int MaxErrorLength = 2000;

    public static DeliveryFailure After(int previousAttempts, string error, OutboxOptions options)
    {
        var attempts = previousAttempts + 1;
        return new DeliveryFailure(
            attempts,
            attempts >= options.MaxAttempts,
            options.BackoffAfter(attempts),
            error.Length > MaxErrorLength ? error[..MaxErrorLength] : error);
    }
}
