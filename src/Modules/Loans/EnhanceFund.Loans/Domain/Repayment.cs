namespace EnhanceFund.Loans.Domain;

/// <summary>The money rules of repayment: what a borrower owes, and how it is shared among investors.</summary>
public static class Repayment
{
    /// <summary>
    /// Principal plus simple interest, rounded to the cent (half away from zero):
    /// amount * (1 + rate/100 * months/12), computed as amount * (1200 + rate * months) / 1200. Dividing last keeps a
    /// due that is exactly half a cent exact: a twelfth taken first is cut at decimal's 28 digits, and 18.015 became
    /// 18.0149999..., which rounded down.
    /// </summary>
    public static Money Due(Money principal, decimal annualRatePercent, int termMonths) =>
        Money.Of(decimal.Round(
            principal.Amount * (1200m + annualRatePercent * termMonths) / 1200m, 2, MidpointRounding.AwayFromZero));

    /// <summary>
    /// Splits <paramref name="total"/> pro rata to what each investment put in. Each share is first rounded down
    /// to the cent; the cents left over go one each to the largest remainders (ties to the lower investment id),
    /// so the shares add up to the total exactly and no share is off by more than a cent.
    /// </summary>
    public static IReadOnlyDictionary<long, Money> Split(Money total, IReadOnlyList<(long InvestmentId, Money Invested)> investments)
    {
        if (investments.Count == 0) throw new ArgumentException("There is nobody to split among.", nameof(investments));
        var invested = investments.Sum(i => i.Invested.Amount);
        if (invested <= 0) throw new ArgumentException("The investments add up to nothing.", nameof(investments));

        var exact = investments
            .Select(i => (i.InvestmentId, Exact: total.Amount * i.Invested.Amount / invested))
            .Select(i => (i.InvestmentId, Floor: decimal.Floor(i.Exact * 100m) / 100m, i.Exact))
            .ToList();
        var leftoverCents = (int)((total.Amount - exact.Sum(i => i.Floor)) * 100m);
        var gettingACent = exact
            .OrderByDescending(i => i.Exact - i.Floor)
            .ThenBy(i => i.InvestmentId)
            .Take(leftoverCents)
            .Select(i => i.InvestmentId)
            .ToHashSet();

        return exact.ToDictionary(
            i => i.InvestmentId,
            i => Money.Of(i.Floor + (gettingACent.Contains(i.InvestmentId) ? 0.01m : 0m)));
    }
}
