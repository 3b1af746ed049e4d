using EnhanceFund.Notifications.Domain;

namespace EnhanceFund.Notifications.Infrastructure;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    /// <summary>The width of every notification_type column: the notifications', their counters' and the preferences'.</summary>
    public const int TypeLength = 40;

    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        // Archived means read: it counts nowhere, so it cannot be an unread count no one sees.
        builder.ToTable("notifications", t => t.HasCheckConstraint("ck_notifications_archived_are_read", "is_read OR NOT is_archived"));
        // Marking read rewrites rows in place (HOT updates: no index touched) as long as is_read is in no index, not
        // even a partial one's predicate, and the row's page has room for its new version: hence no unread index
        // (the unread filter walks the user's newest-first index; unread counts come from the counters) and pages
        // filled to 90% when written, room for a few of their rows' new versions.
        builder.HasStorageParameter("fillfactor", 90);
        // Queries see is_read as the user's read marks have it (ReadMarkSql); inserts and updates go to the table.
        builder.ToView(ReadMarkSql.View);
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).UseIdentityByDefaultColumn();
        builder.Property(n => n.Type).HasColumnName("notification_type").HasMaxLength(TypeLength);
        builder.Property(n => n.Title).HasMaxLength(200);
        builder.Property(n => n.Message).HasMaxLength(1000);
        builder.Property(n => n.RelatedType).HasMaxLength(30);
        // The insert trigger assigns it; EF reads it back like the id.
        builder.Property(n => n.Seq).HasDefaultValue(0L);

        builder.HasIndex(n => new { n.SourceEventId, n.UserId, n.Type }, "ux_notifications_one_per_event_and_recipient").HasDatabaseName("ux_notifications_one_per_event_and_recipient").IsUnique();
        // after_seq pages are an index range scan; and no seq can ever be handed out twice.
        builder.HasIndex(n => new { n.UserId, n.Seq }, "ux_notifications_user_seq").HasDatabaseName("ux_notifications_user_seq").IsUnique();
        // The first page of every filter is an index range scan, whatever the user's history holds (or has archived).
        builder.HasIndex(n => new { n.UserId, n.Id }, "ix_notifications_user_newest").HasDatabaseName("ix_notifications_user_newest").IsDescending(false, true)
            .HasFilter("NOT is_archived");
        builder.HasIndex(n => new { n.UserId, n.Type, n.Id }, "ix_notifications_user_type_newest").HasDatabaseName("ix_notifications_user_type_newest").IsDescending(false, false, true)
            .HasFilter("NOT is_archived");
        builder.HasIndex(n => new { n.UserId, n.Id }, "ix_notifications_user_archived_newest").HasDatabaseName("ix_notifications_user_archived_newest").IsDescending(false, true)
            .HasFilter("is_archived");
        // Retention takes the oldest first.
        builder.HasIndex(n => n.CreatedAt, "ix_notifications_created_at").HasDatabaseName("ix_notifications_created_at");
    }
}
