using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace EnhanceFund.BuildingBlocks.Web;

/// <summary><c>{"code": 1, "message", "data"}</c>: every successful answer.</summary>
public sealed record SuccessEnvelope<T>(string Message, T Data)
{
    [JsonPropertyOrder(-1)]
    [SuppressMessage("Performance", "CA1822", Justification = "Serialized: JSON writes instance properties only.")]
    public int Code => 1;
}

/// <summary><c>{"code": 0, "message", "errors": {"field": ["reason"]}}</c>: every failure, whatever raised it.</summary>
public sealed record FailureEnvelope(string Message, IReadOnlyDictionary<string, string[]> Errors)
{
    public static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    [JsonPropertyOrder(-1)]
    [SuppressMessage("Performance", "CA1822", Justification = "Serialized: JSON writes instance properties only.")]
    public int Code => 0;

    public static FailureEnvelope Of(string message, string? field = null) =>
        new(message, field is null ? NoErrors : new Dictionary<string, string[]> { [field] = [message] });
}
