using EnhanceFund.Identity.Domain;

namespace EnhanceFund.Identity.Infrastructure;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ToTable("users");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Email).HasMaxLength(254);
        builder.Property(u => u.FullName).HasMaxLength(100);
        builder.Property(u => u.Role).HasMaxLength(20);
        builder.HasIndex(u => u.Email).IsUnique().HasDatabaseName(UniqueEmail);
    }

    public const string UniqueEmail = "ux_users_email";
}
