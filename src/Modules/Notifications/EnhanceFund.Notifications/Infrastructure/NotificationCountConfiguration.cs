using EnhanceFund.Notifications.Domain;

namespace EnhanceFund.Notifications.Infrastructure;

internal sealed class NotificationCountConfiguration : IEntityTypeConfiguration<NotificationCount>
{
    public void Configure(EntityTypeBuilder<NotificationCount> builder)
    {
        builder.ToTable("notification_counts", t => t.HasCheckConstraint("ck_notification_counts_not_negative", "count >= 0"));
        builder.HasKey(c => new { c.UserId, c.NotificationType, c.IsRead, c.IsArchived });
        builder.Property(c => c.NotificationType).HasMaxLength(NotificationConfiguration.TypeLength);
    }
}
