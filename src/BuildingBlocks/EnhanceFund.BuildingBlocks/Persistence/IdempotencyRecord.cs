using System.Text.Json;
using EnhanceFund.BuildingBlocks.Domain;

namespace EnhanceFund.BuildingBlocks.Persistence;

/// <summary>
/// The first outcome of a request sent with an Idempotency-Key. A retry with the same key and the same request
/// gets this outcome back instead of its own (undone); another request under the same key is refused. Stored in the
/// schema of the module that acted, in the transaction that acted.
/// </summary>
public sealed class IdempotencyRecord
{
    private IdempotencyRecord() { }

    public long UserId { get; private set; }

    public string Key { get; private set; } = "";

    /// <summary>The operation and its arguments, e.g. <c>withdrawal:100.00</c>.</summary>
    public string Request { get; private set; } = "";

    public string Outcome { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public static IdempotencyRecord Of<T>(long userId, string key, string request, Result<T> outcome, DateTimeOffset now) =>
        new()
        {
            UserId = userId,
            Key = key,
            Request = request,
            Outcome = JsonSerializer.Serialize(new StoredOutcome<T>(outcome.Value, outcome.Error)),
            CreatedAt = now,
        };

    public Result<T> Replay<T>(string request)
    {
        if (request != Request)
            return Error.Conflict("This Idempotency-Key was already used with a different request.", "idempotency_key");
        var stored = JsonSerializer.Deserialize<StoredOutcome<T>>(Outcome)!;
        return stored.Error is { } error ? error : stored.Value!;
    }

    private sealed record StoredOutcome<T>(T? Value, Error? Error);
}
