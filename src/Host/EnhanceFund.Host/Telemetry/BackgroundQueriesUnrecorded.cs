using System.Diagnostics;
using OpenTelemetry;

namespace EnhanceFund.Host.Telemetry;

/// <summary>
/// Keeps the statements nothing traced asked for (each relay's poll every second, the cleanup jobs) out of the traces:
/// a database span with no parent would be a trace of its own, many a second, saying nothing. The statements of a
/// request, a delivery or a consumer have their parent and are kept.
/// </summary>
internal sealed class BackgroundQueriesUnrecorded : BaseProcessor<Activity>
{
    public const string NpgsqlSource = "Npgsql";

    public override void OnStart(Activity activity)
    {
        if (activity.Source.Name == NpgsqlSource && activity.ParentSpanId == default)
        {
            activity.IsAllDataRequested = false;
            activity.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
        }
    }
}
