using EnhanceFund.BuildingBlocks.Modules;
using EnhanceFund.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EnhanceFund.BuildingBlocks.Messaging.Parked;

/// <summary>A parked (dead-lettered) outbox message, as an admin sees it.</summary>
public sealed record ParkedMessageDto(
    Guid Id, string Module, string Type, int Attempts, string? LastError, DateTimeOffset OccurredAt, DateTimeOffset ParkedAt);

/// <summary>
/// The parked messages of every module's outbox, for the admin who decides what becomes of them. A requeued message is
/// due at once with its attempts reset, and the relay's next poll delivers it like any other: every consumer that
/// already applied it finds its inbox row (kept while the message can still be delivered) and does nothing again.
/// </summary>
public sealed class ParkedMessages(IServiceProvider services, IEnumerable<ModuleDatabase> modules)
{
    /// <summary>Oldest parked first, across the modules asked for.</summary>
    public async Task<IReadOnlyList<ParkedMessageDto>> ListAsync(string? module, int limit, CancellationToken cancellationToken)
    {
        var found = new List<ParkedMessageDto>();
        foreach (var database in Of(module))
        {
            found.AddRange(await Outbox(database)
                .Where(m => m.ParkedAt != null)
                .OrderBy(m => m.ParkedAt)
                .Take(limit)
                .Select(m => new ParkedMessageDto(m.Id, database.Schema, m.Type, m.Attempts, m.LastError, m.OccurredAt, m.ParkedAt!.Value))
                .ToListAsync(cancellationToken));
        }

        return found.OrderBy(m => m.ParkedAt).Take(limit).ToList();
    }

    /// <summary>Requeues one parked message, in whichever module it is; false when no module has it parked.</summary>
    public async Task<bool> RequeueAsync(Guid id, CancellationToken cancellationToken)
    {
        foreach (var database in modules)
            if (await RequeueAsync(database, m => m.Id == id, cancellationToken) > 0) return true;
        return false;
    }

    /// <summary>Requeues every parked message of one module; how many.</summary>
    public Task<int> RequeueAllAsync(string module, CancellationToken cancellationToken) =>
        RequeueAsync(Of(module).Single(), _ => true, cancellationToken);

    private Task<int> RequeueAsync(
        ModuleDatabase database, System.Linq.Expressions.Expression<Func<OutboxMessage, bool>> which, CancellationToken cancellationToken) =>
        Outbox(database)
            .Where(m => m.ParkedAt != null)
            .Where(which)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.ParkedAt, (DateTimeOffset?)null)
                .SetProperty(m => m.Attempts, 0)
                // With no attempts it is due at once (the claim's rule); its last retry time is past, so it goes first.
                .SetProperty(m => m.LastError, (string?)null), cancellationToken);

    private IEnumerable<ModuleDatabase> Of(string? module) => modules.Where(m => module is null || m.Schema == module);

    private DbSet<OutboxMessage> Outbox(ModuleDatabase database)
    {
        // Each request has its own scope, so the module's DbContext is the request's.
        var db = (ModuleDbContext)services.GetRequiredService(database.ContextType);
        return db.OutboxMessages;
    }
}
