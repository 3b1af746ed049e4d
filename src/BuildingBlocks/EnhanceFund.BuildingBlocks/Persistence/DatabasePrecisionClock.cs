namespace EnhanceFund.BuildingBlocks.Persistence;

/// <summary>
/// PostgreSQL keeps timestamps to the microsecond; .NET's clock ticks every 100 ns. Handing out times already
/// at the database's precision makes every value read back equal the value written, so a pushed
/// notification or a deposit's answer shows the same created_at as the API serves later.
/// </summary>
public sealed class DatabasePrecisionClock : TimeProvider
{
    private const long TicksPerMicrosecond = TimeSpan.TicksPerMillisecond / 1000;

    public override DateTimeOffset GetUtcNow()
    {
        var now = System.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TicksPerMicrosecond));
    }
}
