using System.Diagnostics.Metrics;
using EnhanceFund.BuildingBlocks.Modules;
using EnhanceFund.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EnhanceFund.BuildingBlocks.Messaging;

/// <summary>
/// Each module's pending and parked outbox messages, for the gauges. A scrape gets the last counts at once and, when
/// they are older than <see cref="OutboxOptions.BacklogRefreshInterval"/>, starts a recount in the background: however
/// often anyone scrapes, PostgreSQL counts at most once per interval, each count on a partial index of a few rows.
/// </summary>
public sealed class OutboxBacklog(
    IServiceScopeFactory scopes,
    IEnumerable<ModuleDatabase> modules,
    IOptions<OutboxOptions> options,
    ILogger<OutboxBacklog> logger)
{
    private IReadOnlyList<ModuleBacklog> _counts = [];
    private long _recountAt; // Environment.TickCount64
    private int _counting;

    public IEnumerable<Measurement<long>> Measure(Func<ModuleBacklog, long> value)
    {
        if (Environment.TickCount64 >= Interlocked.Read(ref _recountAt) && Interlocked.CompareExchange(ref _counting, 1, 0) == 0)
            _ = Task.Run(CountAsync);
        return Volatile.Read(ref _counts).Select(b => new Measurement<long>(value(b), new KeyValuePair<string, object?>("module", b.Module)));
    }

    private async Task CountAsync()
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var counts = new List<ModuleBacklog>();
            foreach (var module in modules)
            {
                var outbox = ((ModuleDbContext)scope.ServiceProvider.GetRequiredService(module.ContextType)).OutboxMessages;
                counts.Add(new ModuleBacklog(
                    module.Schema,
                    await outbox.CountAsync(m => m.ProcessedAt == null && m.ParkedAt == null),
                    await outbox.CountAsync(m => m.ParkedAt != null)));
            }

            Volatile.Write(ref _counts, counts);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Counting the outbox backlog failed; the gauges keep the last counts");
        }
        finally
        {
            Interlocked.Exchange(ref _recountAt, Environment.TickCount64 + (long)options.Value.BacklogRefreshInterval.TotalMilliseconds);
            Volatile.Write(ref _counting, 0);
        }
    }
}

public sealed record ModuleBacklog(string Module, long Pending, long Parked);
