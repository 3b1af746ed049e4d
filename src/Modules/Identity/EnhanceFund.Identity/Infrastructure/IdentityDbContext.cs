using EnhanceFund.Identity.Domain;

namespace EnhanceFund.Identity.Infrastructure;

public sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options) : ModuleDbContext(options)
{
    public const string SchemaName = "identity";
    public const string UserIds = "user_ids";

    public DbSet<User> Users => Set<User>();

    protected override string Schema => SchemaName;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.HasSequence<long>(UserIds);
    }
}
