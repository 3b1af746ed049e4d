using EnhanceFund.Notifications.Domain;

namespace EnhanceFund.Notifications.Infrastructure;

internal sealed class ReadMarkConfiguration : IEntityTypeConfiguration<ReadMark>
{
    public void Configure(EntityTypeBuilder<ReadMark> builder)
    {
        builder.ToTable("read_marks");
        builder.HasKey(m => new { m.UserId, m.NotificationType });
        builder.Property(m => m.NotificationType).HasMaxLength(NotificationConfiguration.TypeLength);
    }
}
