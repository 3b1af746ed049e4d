using EnhanceFund.BuildingBlocks.Messaging;
using EnhanceFund.BuildingBlocks.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EnhanceFund.BuildingBlocks.Persistence;

/// <summary>
/// A module's own DbContext: its own schema, with the outbox and inbox tables beside its state so that a
/// state change, the events it raises and the messages it has consumed commit in one transaction.
/// </summary>
public abstract class ModuleDbContext : DbContext
{
    private readonly string _schema;
    private readonly string[] _sequences;

    /// <param name="options">The context's options.</param>
    /// <param name="schema">The module's PostgreSQL schema: its tables, outbox, inbox and migrations history.</param>
    /// <param name="sequences">The sequences its aggregates take their ids from (<see cref="NextIdAsync"/>).</param>
    protected ModuleDbContext(DbContextOptions options, string schema, params string[] sequences) : base(options)
    {
        _schema = schema;
        _sequences = sequences;
        // EF wraps each SaveChanges inside an open transaction in a SAVEPOINT and its RELEASE, two more round trips,
        // to let the caller carry on after a failed save. Nothing here does: a failed save ends its transaction
        // (a request answers with the error, a consumer retries its events one per transaction). Pooled contexts
        // keep what the constructor set.
        Database.AutoSavepointsEnabled = false;
    }

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    /// <summary>Set by the outbox writer, cleared once the commit has woken the relay.</summary>
    internal bool HasUnsignalledOutboxMessages { get; set; }

    /// <summary>Set by the outbox writer while a save writes events: what it takes back if the save fails.</summary>
    internal OutboxRowsUnderWay? SaveUnderWay { get; set; }

    /// <summary>Reserves the next id of a sequence, so an aggregate knows its id (and its events carry it) before INSERT.</summary>
    public async Task<long> NextIdAsync(string sequence, CancellationToken cancellationToken)
    {
        var values = await Database
            .SqlQuery<long>($"SELECT nextval({SequenceName(sequence)}::regclass) AS \"Value\"")
            .ToListAsync(cancellationToken);
        return values[0];
    }

    /// <summary>One of the module's sequences by its qualified name, for <c>nextval({name}::regclass)</c> in a query.</summary>
    protected string SequenceName(string sequence) => $"\"{_schema}\".\"{sequence}\"";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(_schema);
        foreach (var sequence in _sequences) modelBuilder.HasSequence<long>(sequence);
        modelBuilder.ApplyConfiguration(new OutboxMessageConfiguration());
        modelBuilder.ApplyConfiguration(new InboxMessageConfiguration());
        ConfigureTables(modelBuilder);
        // Modules whose requests take an Idempotency-Key keep their records (a DbSet of them) in their own schema.
        if (modelBuilder.Model.FindEntityType(typeof(IdempotencyRecord)) is not null)
            modelBuilder.ApplyConfiguration(new IdempotencyRecordConfiguration());
        KeysAreAssignedByTheApplication(modelBuilder);
    }

    /// <summary>
    /// The module's own tables, all in one place beside its DbSets: names, keys, lengths, indexes and checks. Columns
    /// are snake_case and money is numeric by convention, so most tables need a few lines only.
    /// </summary>
    protected abstract void ConfigureTables(ModelBuilder model);

    /// <summary>An aggregate's events leave through the outbox; they are never a column. Money is stored in cents.</summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.IgnoreAny<IReadOnlyList<IDomainEvent>>();
        configurationBuilder.StoreMoneyAsCents();
    }

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
