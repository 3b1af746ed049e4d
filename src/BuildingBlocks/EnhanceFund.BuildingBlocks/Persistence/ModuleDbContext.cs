using EnhanceFund.BuildingBlocks.Messaging;
using Microsoft.EntityFrameworkCore;

namespace EnhanceFund.BuildingBlocks.Persistence;

/// <summary>
/// A module's own DbContext: its own schema, with the outbox and inbox tables beside its state so that a
/// state change, the events it raises and the messages it has consumed commit in one transaction.
/// </summary>
public abstract class ModuleDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    /// <summary>Set by the outbox writer, cleared once the commit has woken the relay.</summary>
    internal bool HasUnsignalledOutboxMessages { get; set; }

    protected abstract string Schema { get; }

    /// <summary>Reserves the next id of a sequence, so an aggregate knows its id (and its events carry it) before INSERT.</summary>
    public async Task<long> NextIdAsync(string sequence, CancellationToken cancellationToken)
    {
        var qualifiedName = $"\"{Schema}\".\"{sequence}\"";
        var values = await Database
            .SqlQuery<long>($"SELECT nextval({qualifiedName}::regclass) AS \"Value\"")
            .ToListAsync(cancellationToken);
        return values[0];
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.ApplyConfiguration(new OutboxMessageConfiguration());
        modelBuilder.ApplyConfiguration(new InboxMessageConfiguration());
        modelBuilder.ApplyConfigurationsFromAssembly(GetType().Assembly);
    }
}
