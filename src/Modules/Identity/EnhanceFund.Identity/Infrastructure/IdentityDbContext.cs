using EnhanceFund.Identity.Domain;

namespace EnhanceFund.Identity.Infrastructure;

public sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options) : ModuleDbContext(options, SchemaName, UserIds)
{
    public const string SchemaName = "identity";
    public const string UserIds = "user_ids";

    public DbSet<User> Users => Set<User>();
}
