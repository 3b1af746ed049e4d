using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EnhanceFund.BuildingBlocks.Web;

/// <summary>Writes every timestamp as ISO 8601 UTC with <c>Z</c> (API.md), whatever offset the value carries.</summary>
internal sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
}
