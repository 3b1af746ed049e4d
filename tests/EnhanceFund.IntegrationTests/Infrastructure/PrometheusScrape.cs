using System.Globalization;

namespace EnhanceFund.IntegrationTests.Infrastructure;

/// <summary>Reads series out of a Host's <c>/metrics</c> (the Prometheus text format).</summary>
public static class PrometheusScrape
{
    /// <summary>The sum of every series of <paramref name="metric"/> carrying all of <paramref name="labels"/>; null when there is none.</summary>
    public static async Task<double?> ValueAsync(HttpClient http, string metric, params (string Name, string Value)[] labels) =>
        ValueIn(await ReadAsync(http), metric, labels);

    /// <summary>One scrape, for reading several series of one moment with <see cref="ValueIn"/>.</summary>
    public static Task<string> ReadAsync(HttpClient http) => http.GetStringAsync("/metrics");

    /// <summary>As <see cref="ValueAsync"/>, from a scrape already read.</summary>
    public static double? ValueIn(string exposition, string metric, params (string Name, string Value)[] labels)
    {
        double? sum = null;
        foreach (var line in exposition.Split('\n'))
        {
            if (!line.StartsWith(metric + "{", StringComparison.Ordinal) && !line.StartsWith(metric + " ", StringComparison.Ordinal)) continue;
            var labelsEnd = line.IndexOf('}');
            var labelText = labelsEnd < 0 ? "" : line[..labelsEnd];
            if (!labels.All(l => labelText.Contains($"{l.Name}=\"{l.Value}\"", StringComparison.Ordinal))) continue;
            // A series without labels has its value right after the metric's name.
            var value = line[(labelsEnd < 0 ? metric.Length : labelsEnd + 1)..].Trim().Split(' ')[0];
            sum = (sum ?? 0) + double.Parse(value, CultureInfo.InvariantCulture);
        }

        return sum;
    }
}
