using EnhanceFund.Identity.Domain;

namespace EnhanceFund.Identity.Infrastructure;

public sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options) : ModuleDbContext(options, SchemaName, UserIds)
{
    public const string SchemaName = "identity";
    public const string UserIds = "user_ids";

    public const string UniqueEmail = "ux_users_email";

    public DbSet<User> Users => Set<User>();

    protected override void ConfigureTables(ModelBuilder model) =>
        model.Entity<User>(user =>
        {
            user.ToTable("users");
            user.HasKey(u => u.Id);
            user.Property(u => u.Email).HasMaxLength(254);
            user.Property(u => u.FullName).HasMaxLength(100);
            user.Property(u => u.Role).HasMaxLength(20);
            user.HasIndex(u => u.Email).IsUnique().HasDatabaseName(UniqueEmail);
        });
}
