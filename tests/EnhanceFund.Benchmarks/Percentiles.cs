namespace EnhanceFund.Benchmarks;

internal static class Percentiles
{
    public static double Of(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    /// <summary>Milliseconds as the tables print them; infinity is a deposit whose push never came.</summary>
    public static string Ms(double value) => value switch
    {
        double.NaN => "-",
        double.PositiveInfinity => "never pushed",
        < 10 => $"{value:F1} ms",
        _ => $"{value:F0} ms",
    };
}
