namespace EnhanceFund.BuildingBlocks.Domain;

/// <summary>The kinds of failure a use case can report; each maps to exactly one HTTP status.</summary>
public enum ErrorKind
{
    Invalid,
    Unauthorized,
    Forbidden,
    NotFound,
    Conflict,
}

/// <summary>A failure with a sentence for people and, where one input is to blame, the field it names.</summary>
public sealed record Error(ErrorKind Kind, string Message, string? Field = null)
{
    public static Error Invalid(string field, string message) => new(ErrorKind.Invalid, message, field);

    public static Error Unauthorized(string message) => new(ErrorKind.Unauthorized, message);

    public static Error NotFound(string message) => new(ErrorKind.NotFound, message);

    /// <summary>
    /// "Loan not found.": the one answer for a resource that does not exist and for one that is someone else's, whose
    /// existence is not the caller's to learn.
    /// </summary>
    public static Error NotFoundOf(string resource) => NotFound($"{resource} not found.");

    public static Error Conflict(string message, string? field = null) => new(ErrorKind.Conflict, message, field);
}
