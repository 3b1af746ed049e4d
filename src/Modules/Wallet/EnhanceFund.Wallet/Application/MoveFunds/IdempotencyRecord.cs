using System.Text.Json;
using EnhanceFund.BuildingBlocks.Domain;

namespace EnhanceFund.Wallet.Application.MoveFunds;

/// <summary>
/// The first outcome of a money-moving request sent with an Idempotency-Key. A retry with the same key and
/// the same request gets this outcome back instead of moving money again; another request under the
/// same key is refused.
/// </summary>
public sealed class IdempotencyRecord
{
    private IdempotencyRecord() { }

    public long UserId { get; private set; }

    public string Key { get; private set; } = "";

    /// <summary>The operation and amount, e.g. <c>withdrawal:100.00</c>.</summary>
    public string Request { get; private set; } = "";

    public string Outcome { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public static IdempotencyRecord Of(long userId, string key, string request, Result<WalletMovement> outcome, DateTimeOffset now) =>
        new()
        {
            UserId = userId,
            Key = key,
            Request = request,
            Outcome = JsonSerializer.Serialize(new StoredOutcome(outcome.Value, outcome.Error)),
            CreatedAt = now,
        };

    public Result<WalletMovement> Replay(string request)
    {
        if (request != Request)
            return Error.Conflict("This Idempotency-Key was already used with a different request.", "idempotency_key");
        var stored = JsonSerializer.Deserialize<StoredOutcome>(Outcome)!;
        return stored.Error is { } error ? error : stored.Movement!;
    }

    private sealed record StoredOutcome(WalletMovement? Movement, Error? Error);
}
