using EnhanceFund.Notifications.Domain;

namespace EnhanceFund.Notifications.Infrastructure;

public sealed class NotificationsDbContext(DbContextOptions<NotificationsDbContext> options) : ModuleDbContext(options, SchemaName)
{
    public const string SchemaName = "notifications";

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<NotificationCount> Counts => Set<NotificationCount>();

    public DbSet<NotificationPreference> Preferences => Set<NotificationPreference>();
}
