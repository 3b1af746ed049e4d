using EnhanceFund.Notifications.Domain;

namespace EnhanceFund.Notifications.Infrastructure;

internal sealed class NotificationStreamConfiguration : IEntityTypeConfiguration<NotificationStream>
{
    public void Configure(EntityTypeBuilder<NotificationStream> builder)
    {
        builder.ToTable("notification_streams");
        builder.HasKey(s => s.UserId);
    }
}
