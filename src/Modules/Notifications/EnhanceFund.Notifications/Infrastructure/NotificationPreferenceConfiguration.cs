using EnhanceFund.Notifications.Domain;

namespace EnhanceFund.Notifications.Infrastructure;

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> builder)
    {
        builder.ToTable("notification_preferences");
        builder.HasKey(p => new { p.UserId, p.NotificationType });
        builder.Property(p => p.NotificationType).HasMaxLength(NotificationConfiguration.TypeLength);
    }
}
