using System.ComponentModel.DataAnnotations;

namespace EnhanceFund.BuildingBlocks.Configuration;

/// <summary>
/// A count or a time that must be above zero (or, with <see cref="OrZero"/>, not below it). A batch of 0 rows loops
/// without end, and a retention of zero deletes everything: refused at start-up, naming the setting, not found later.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PositiveAttribute : ValidationAttribute
{
    public bool OrZero { get; init; }

    public override bool IsValid(object? value) => value switch
    {
        int count => OrZero ? count >= 0 : count > 0,
        TimeSpan time => OrZero ? time >= TimeSpan.Zero : time > TimeSpan.Zero,
        _ => throw new InvalidOperationException($"[Positive] is for counts and times, not {value?.GetType().Name ?? "null"}."),
    };

    public override string FormatErrorMessage(string name) => $"{name} must be {(OrZero ? "zero or more" : "above zero")}.";
}
