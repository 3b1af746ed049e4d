using System.Globalization;

namespace EnhanceFund.BuildingBlocks.Domain;

/// <summary>
/// A non-negative amount of US dollars in whole cents. Always carried with two decimal places so that
/// 100 and 100.00 serialize the same way wherever they come from (memory or numeric(18,2)).
/// </summary>
public readonly record struct Money : IComparable<Money>
{
    public const decimal MaxTransfer = 1_000_000.00m;

    private Money(decimal amount) => Amount = decimal.Round(amount, 2) + 0.00m;

    public decimal Amount { get; }

    public static Money Zero => new(0m);

    public static Money Of(decimal amount)
    {
        if (amount < 0) throw new ArgumentOutOfRangeException(nameof(amount), amount, "Money cannot be negative.");
        if (!HasAtMostTwoDecimals(amount))
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "Money has at most two decimal places.");
        return new Money(amount);
    }

    public static bool HasAtMostTwoDecimals(decimal amount) => decimal.Round(amount, 2) == amount;

    /// <summary>True for what a single deposit, withdrawal or investment may move: (0, 1,000,000.00], in cents.</summary>
    public static bool IsValidTransfer(decimal amount) =>
        amount > 0 && amount <= MaxTransfer && IsWrittenWithAtMostTwoDecimals(amount);

    /// <summary>
    /// A request's number has at most two decimals as the client wrote it, trailing zeros included: 10.000 is three,
    /// and so is a number with more digits than a decimal holds, which the parser rounded (10.000...0001 would move 10).
    /// </summary>
    public static bool IsWrittenWithAtMostTwoDecimals(decimal value) => value.Scale <= 2;

    public static Money operator +(Money a, Money b) => new(a.Amount + b.Amount);

    public static Money operator -(Money a, Money b) => Of(a.Amount - b.Amount);

    public static bool operator <(Money a, Money b) => a.Amount < b.Amount;

    public static bool operator >(Money a, Money b) => a.Amount > b.Amount;

    public static bool operator <=(Money a, Money b) => a.Amount <= b.Amount;

    public static bool operator >=(Money a, Money b) => a.Amount >= b.Amount;

    public int CompareTo(Money other) => Amount.CompareTo(other.Amount);

    /// <summary>The way people read money in our messages: <c>$1,234.50</c>.</summary>
    public override string ToString() => "$" + Amount.ToString("#,##0.00", CultureInfo.InvariantCulture);
}
