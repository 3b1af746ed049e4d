namespace EnhanceFund.BuildingBlocks.Messaging;

/// <summary>
/// Wakes a module's relay the moment a transaction that wrote outbox rows commits. Signals coalesce:
/// however many commits happen while the relay is busy, it wakes once and drains them all.
/// </summary>
public sealed class OutboxSignal<TContext>
{
    private readonly SemaphoreSlim _pending = new(0, 1);

    public void Notify()
    {
        try
        {
            _pending.Release();
        }
        catch (SemaphoreFullException)
        {
            // A wake-up is already pending; the relay will see this commit's rows too.
        }
    }

    /// <summary>Waits for a commit; returns false when the timeout passes first.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _pending.WaitAsync(timeout <= TimeSpan.Zero ? TimeSpan.Zero : timeout, cancellationToken);
}
