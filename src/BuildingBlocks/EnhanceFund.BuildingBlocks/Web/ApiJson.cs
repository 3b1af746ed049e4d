using System.Text.Json;
using System.Text.Json.Serialization;

namespace EnhanceFund.BuildingBlocks.Web;

/// <summary>
/// The API's JSON conventions, applied alike to REST (FastEndpoints) and SignalR so that a pushed
/// notification is byte-for-byte the object the REST API returns.
/// </summary>
public static class ApiJson
{
    /// <summary>For writers outside FastEndpoints and SignalR (error middleware, tests).</summary>
    public static readonly JsonSerializerOptions Default = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = null;
        options.PropertyNameCaseInsensitive = false;
        // Money and ids are JSON numbers: "100" is a 400, not a quietly accepted string.
        options.NumberHandling = JsonNumberHandling.Strict;
        // A field named twice ({"amount": 0.01, "amount": 500}) is a 400: parsers disagree on which one wins, so a
        // proxy or log could read one amount and this API move another.
        options.AllowDuplicateProperties = false;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        if (!options.Converters.OfType<UtcTimestampConverter>().Any()) options.Converters.Add(new UtcTimestampConverter());
        if (!options.Converters.OfType<PlainTextConverter>().Any()) options.Converters.Add(new PlainTextConverter());
        return options;
    }

    public static string FieldName(string propertyName) => JsonNamingPolicy.SnakeCaseLower.ConvertName(propertyName);
}
