using System.Diagnostics.CodeAnalysis;
using EnhanceFund.BuildingBlocks.Domain;
using Microsoft.AspNetCore.Http;

namespace EnhanceFund.BuildingBlocks.Web;

/// <summary>
/// The optional <c>Idempotency-Key</c> header of money-moving POSTs, read in one way only: here. Read from the header
/// alone: a body field of the same name must never be able to stand in for it.
/// </summary>
public static class IdempotencyKeyHeader
{
    public const string Name = "Idempotency-Key";
    public const int MaxLength = 255;

    /// <summary>
    /// Answers a POST that may carry the header: a 400 naming <c>idempotency_key</c> when the header is malformed;
    /// otherwise <paramref name="send"/> runs with the key (null without the header) and its result is the answer.
    /// </summary>
    public static async Task SendIdempotentAsync<T, TData>(
        this HttpContext http, Func<string?, Task<Result<T>>> send, string message, Func<T, TData> toData, int status,
        CancellationToken cancellationToken)
    {
        if (!TryRead(http.Request, out var key, out var invalid))
        {
            await http.Response.SendErrorAsync(invalid, cancellationToken);
            return;
        }

        await http.Response.SendResultAsync(await send(key), message, toData, status, cancellationToken);
    }

    private static bool TryRead(HttpRequest request, out string? key, [NotNullWhen(false)] out Error? invalid)
    {
        key = null;
        invalid = null;
        if (!request.Headers.TryGetValue(Name, out var values)) return true;

        var value = values.Count == 1 ? values[0] : null;
        if (string.IsNullOrWhiteSpace(value) || value.Length > MaxLength)
        {
            invalid = Error.Invalid("idempotency_key", $"The {Name} header must be a single value of 1 to {MaxLength} characters.");
            return false;
        }

        key = value;
        return true;
    }
}
