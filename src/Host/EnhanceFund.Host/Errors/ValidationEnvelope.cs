using System.Text.Json;
using EnhanceFund.BuildingBlocks.Web;
using FluentValidation.Results;

namespace EnhanceFund.Host.Errors;

/// <summary>Turns FastEndpoints' validation and binding failures into the API's 400 envelope, fields in snake_case.</summary>
internal static class ValidationEnvelope
{
    public static FailureEnvelope From(List<ValidationFailure> failures)
    {
        var errors = failures
            .GroupBy(f => ApiJson.FieldName(f.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray());
        var message = string.Join(" ", errors.Values.SelectMany(m => m).Distinct());
        return new FailureEnvelope(message, errors);
    }

    /// <summary>
    /// A body that is not JSON, a field of the wrong JSON type ("100" for a number, say), a field named twice, or text
    /// with control characters.
    /// </summary>
    public static ValidationFailure FromJsonException(JsonException exception)
    {
        var field = exception.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : null;
        return field is null ? new ValidationFailure("body", "The request body is not valid JSON.")
            : exception is ControlCharactersException ? new ValidationFailure(field, $"{field} must not contain control characters.")
            : IsDuplicateProperty(exception) ? GivenTwice(field)
            : new ValidationFailure(field, $"{field} has a value of the wrong type or format.");
    }

    /// <summary>A field given twice (in a body, or in the route and the query string): parsers disagree on which wins.</summary>
    public static ValidationFailure GivenTwice(string field) => new(field, $"{field} is given more than once.");

    /// <summary>
    /// System.Text.Json tells a repeated field (<c>AllowDuplicateProperties = false</c>, ApiJson) by its message only;
    /// BadInputTests fails if that message changes.
    /// </summary>
    private static bool IsDuplicateProperty(JsonException exception) =>
        exception.Message.StartsWith("Duplicate property", StringComparison.Ordinal);

    /// <summary>A route or query value that does not parse (limit=abc, say); never echoes CLR type names.</summary>
    public static string BindingFailureMessage(Type type, string name, Microsoft.Extensions.Primitives.StringValues value)
    {
        var expected = Nullable.GetUnderlyingType(type) ?? type;
        var kind = expected == typeof(bool) ? "true or false"
            : expected == typeof(int) || expected == typeof(long) ? "a whole number"
            : "a valid value";
        return $"{name} must be {kind}; '{value}' is not.";
    }
}
