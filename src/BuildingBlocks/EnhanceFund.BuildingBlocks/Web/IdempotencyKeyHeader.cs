using System.Diagnostics.CodeAnalysis;
using EnhanceFund.BuildingBlocks.Domain;
using Microsoft.AspNetCore.Http;

namespace EnhanceFund.BuildingBlocks.Web;

/// <summary>
/// The optional <c>Idempotency-Key</c> header of money-moving POSTs. Read from the header alone: a body
/// field of the same name must never be able to stand in for it.
/// </summary>
public static class IdempotencyKeyHeader
{
    public const string Name = "Idempotency-Key";
    public const int MaxLength = 255;

    public static bool TryRead(HttpRequest request, out string? key, [NotNullWhen(false)] out Error? invalid)
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
