using System.Text.Json;
using System.Text.Json.Serialization;

namespace EnhanceFund.BuildingBlocks.Web;

/// <summary>
/// Every text field of every request body refuses control characters other than tab, line feed and carriage return:
/// PostgreSQL cannot store NUL (it would be a 500), and no email, name or purpose has a reason to carry a bell or an
/// escape sequence into logs and screens. Done where JSON is read, so a new field cannot forget it.
/// </summary>
public sealed class PlainTextConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return text is not null && text.Any(IsForbidden) ? throw new ControlCharactersException() : text;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    private static bool IsForbidden(char c) => char.IsControl(c) && c is not ('\t' or '\n' or '\r');
}

/// <summary>The reader's error for such a field; the API answers it with a 400 naming the field.</summary>
public sealed class ControlCharactersException() : JsonException("A text field contains control characters.");
