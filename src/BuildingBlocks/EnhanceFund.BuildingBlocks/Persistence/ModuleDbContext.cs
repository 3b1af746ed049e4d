using EnhanceFund.BuildingBlocks.Messaging;
using EnhanceFund.BuildingBlocks.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EnhanceFund.BuildingBlocks.Persistence;

/// <summary>
/// A module's own DbContext: its own schema, with the outbox and inbox tables beside its state so that a
/// state change, the events it raises and the messages it has consumed commit in one transaction.
/// </summary>
/// <param name="schema">The module's PostgreSQL schema: its tables, outbox, inbox and migrations history.</param>
/// <param name="sequences">The sequences its aggregates take their ids from (<see cref="NextIdAsync"/>).</param>
public abstract class ModuleDbContext(DbContextOptions options, string schema, params string[] sequences) : DbContext(options)
{
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    /// <summary>Set by the outbox writer, cleared once the commit has woken the relay.</summary>
    internal bool HasUnsignalledOutboxMessages { get; set; }

    /// <summary>Reserves the next id of a sequence, so an aggregate knows its id (and its events carry it) before INSERT.</summary>
    public async Task<long> NextIdAsync(string sequence, CancellationToken cancellationToken)
    {
        var qualifiedName = $"\"{schema}\".\"{sequence}\"";
        var values = await Database
            .SqlQuery<long>($"SELECT nextval({qualifiedName}::regclass) AS \"Value\"")
            .ToListAsync(cancellationToken);
        return values[0];
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(schema);
        foreach (var sequence in sequences) modelBuilder.HasSequence<long>(sequence);
        modelBuilder.ApplyConfiguration(new OutboxMessageConfiguration());
        modelBuilder.ApplyConfiguration(new InboxMessageConfiguration());
        modelBuilder.ApplyConfigurationsFromAssembly(GetType().Assembly);
        // Modules whose requests take an Idempotency-Key keep their records (a DbSet of them) in their own schema.
        if (modelBuilder.Model.FindEntityType(typeof(IdempotencyRecord)) is not null)
            modelBuilder.ApplyConfiguration(new IdempotencyRecordConfiguration());
        KeysAreAssignedByTheApplication(modelBuilder);
    }

    /// <summary>An aggregate's events leave through the outbox; they are never a column.</summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.IgnoreAny<IReadOnlyList<IDomainEvent>>();

    /// <summary>
    /// Keys come from the application: a sequence read before INSERT (<see cref="NextIdAsync"/>) or the id of what the
    /// row belongs to. Npgsql would make every integer key an identity column; a table whose database numbers its rows
    /// says so in its configuration (<c>UseIdentityByDefaultColumn</c>, the notifications).
    /// </summary>
    private static void KeysAreAssignedByTheApplication(ModelBuilder modelBuilder)
    {
        var keyProperties = modelBuilder.Model.GetEntityTypes()
            .Select(e => e.FindPrimaryKey())
            .OfType<IMutableKey>()
            .Where(k => k.Properties.Count == 1)
            .Select(k => k.Properties[0]);
        foreach (var key in keyProperties.Where(p => ((IConventionProperty)p).GetValueGenerationStrategyConfigurationSource() is null))
            key.ValueGenerated = ValueGenerated.Never;
    }
}
