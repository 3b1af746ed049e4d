using System.Threading.Channels;

namespace EnhanceFund.BuildingBlocks.Messaging;

/// <summary>
/// Wakes a module's relay the moment a transaction that wrote outbox rows commits. Signals coalesce:
/// however many commits happen while the relay is busy, it wakes once and drains them all.
/// </summary>
public sealed class OutboxSignal<TContext>
{
    // One slot: a wake-up already pending absorbs the next ones (DropWrite), without the cost of an exception each.
    private readonly Channel<bool> _pending = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => _pending.Writer.TryWrite(true);

    /// <summary>Waits for a commit; returns false when the timeout passes first.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (_pending.Reader.TryRead(out _)) return true;
        if (timeout <= TimeSpan.Zero) return false;
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            await _pending.Reader.WaitToReadAsync(timer.Token);
            return _pending.Reader.TryRead(out _);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
