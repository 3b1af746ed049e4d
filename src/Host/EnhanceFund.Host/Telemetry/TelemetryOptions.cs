namespace EnhanceFund.Host.Telemetry;

/// <summary>What the Host exports, bound from <c>Telemetry</c>. Exporters themselves follow the standard <c>OTEL_*</c> variables.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>Serve the metrics in the Prometheus text format at <see cref="MetricsPath"/>; null: everywhere but in Production.</summary>
    public bool? MetricsEnabled { get; set; }

    public string MetricsPath { get; set; } = "/metrics";

    /// <summary>Collect traces; null: when an OTLP endpoint is configured, as collecting traces nobody receives only costs.</summary>
    public bool? TracingEnabled { get; set; }
}
