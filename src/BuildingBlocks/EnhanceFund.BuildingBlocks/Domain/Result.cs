namespace EnhanceFund.BuildingBlocks.Domain;

/// <summary>The outcome of a use case: a value, or an <see cref="Error"/> the API turns into its envelope.</summary>
public sealed class Result<T>
{
    private Result(T? value, Error? error) => (Value, Error) = (value, error);

    public T? Value { get; }

    public Error? Error { get; }

    public bool IsSuccess => Error is null;

    public static implicit operator Result<T>(T value) => new(value, null);

    public static implicit operator Result<T>(Error error) => new(default, error);
}
