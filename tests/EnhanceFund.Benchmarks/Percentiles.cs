namespace EnhanceFund.Benchmarks;

internal static class Percentiles
{
    public static double Of(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    public static string Ms(double value) => double.IsNaN(value) ? "-" : value < 10 ? $"{value:F1} ms" : $"{value:F0} ms";
}
