using EnhanceFund.Notifications.Domain;

namespace EnhanceFund.Notifications.Infrastructure;

/// <summary>
/// Besides its tables, the database keeps rules of its own, in the same transaction as every write so that no code
/// path can forget them: each insert takes the user's next <c>seq</c> from <c>notification_streams</c> (that row's
/// lock numbers one user's notifications in commit order, and ids and times after it) and moves its counter
/// (<see cref="Migrations.StreamTimesInOrder.InsertFunctionInTimeOrder"/>); every counter change tells the
/// instances at the commit (<see cref="Migrations.NotifyEveryChange.ChangeNotify"/>); read marks, state changes and
/// deletes as <see cref="ReadMarkSql"/> installs them. Each migration keeps the SQL it installed as it was: a Down
/// puts back the version before it.
/// </summary>
public sealed class NotificationsDbContext(DbContextOptions<NotificationsDbContext> options) : ModuleDbContext(options, SchemaName)
{
    public const string SchemaName = "notifications";

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<NotificationCount> Counts => Set<NotificationCount>();

    public DbSet<NotificationPreference> Preferences => Set<NotificationPreference>();

    /// <summary>The width of every notification_type column: the notifications', their counters' and the preferences'.</summary>
    private const int TypeLength = 40;

    protected override void ConfigureTables(ModelBuilder model)
    {
        model.Entity<Notification>(ConfigureNotifications);
        model.Entity<NotificationCount>(count =>
        {
            count.ToTable("notification_counts", t => t.HasCheckConstraint("ck_notification_counts_not_negative", "count >= 0"));
            count.HasKey(c => new { c.UserId, c.NotificationType, c.IsRead, c.IsArchived });
            count.Property(c => c.NotificationType).HasMaxLength(TypeLength);
        });
        model.Entity<NotificationPreference>(preference =>
        {
            preference.ToTable("notification_preferences");
            preference.HasKey(p => new { p.UserId, p.NotificationType });
            preference.Property(p => p.NotificationType).HasMaxLength(TypeLength);
        });
        model.Entity<NotificationStream>(stream =>
        {
            stream.ToTable("notification_streams");
            stream.HasKey(s => s.UserId);
        });
        model.Entity<ReadMark>(mark =>
        {
            mark.ToTable("read_marks");
            mark.HasKey(m => new { m.UserId, m.NotificationType });
            mark.Property(m => m.NotificationType).HasMaxLength(TypeLength);
        });
    }

    private static void ConfigureNotifications(EntityTypeBuilder<Notification> notification)
    {
        // Archived means read: it counts nowhere, so it cannot be an unread count no one sees.
        notification.ToTable("notifications", t => t.HasCheckConstraint("ck_notifications_archived_are_read", "is_read OR NOT is_archived"));
        // Marking read rewrites rows in place (HOT updates: no index touched) as long as is_read is in no index, not
        // even a partial one's predicate, and the row's page has room for its new version: hence no unread index
        // (the unread filter walks the user's newest-first index; unread counts come from the counters) and pages
        // filled to 90% when written, room for a few of their rows' new versions.
        notification.HasStorageParameter("fillfactor", 90);
        // Queries see is_read as the user's read marks have it (ReadMarkSql); inserts and updates go to the table.
        notification.ToView(ReadMarkSql.View);
        notification.HasKey(n => n.Id);
        notification.Property(n => n.Id).UseIdentityByDefaultColumn();
        notification.Property(n => n.Type).HasColumnName("notification_type").HasMaxLength(TypeLength);
        notification.Property(n => n.Title).HasMaxLength(200);
        notification.Property(n => n.Message).HasMaxLength(1000);
        notification.Property(n => n.RelatedType).HasMaxLength(30);
        // The insert trigger assigns it; EF reads it back like the id.
        notification.Property(n => n.Seq).HasDefaultValue(0L);

        // Each index is named twice on purpose: the name keys it in the model (two share their columns), and
        // HasDatabaseName keeps the name the migrations created; without it EF derives another and the model no longer
        // matches them (ModelMatchesMigrationsTests).
        notification.HasIndex(n => new { n.SourceEventId, n.UserId, n.Type }, "ux_notifications_one_per_event_and_recipient").HasDatabaseName("ux_notifications_one_per_event_and_recipient").IsUnique();
        // after_seq pages are an index range scan; and no seq can ever be handed out twice.
        notification.HasIndex(n => new { n.UserId, n.Seq }, "ux_notifications_user_seq").HasDatabaseName("ux_notifications_user_seq").IsUnique();
        // The first page of every filter is an index range scan, whatever the user's history holds (or has archived).
        notification.HasIndex(n => new { n.UserId, n.Id }, "ix_notifications_user_newest").HasDatabaseName("ix_notifications_user_newest").IsDescending(false, true)
            .HasFilter("NOT is_archived");
        notification.HasIndex(n => new { n.UserId, n.Type, n.Id }, "ix_notifications_user_type_newest").HasDatabaseName("ix_notifications_user_type_newest").IsDescending(false, false, true)
            .HasFilter("NOT is_archived");
        notification.HasIndex(n => new { n.UserId, n.Id }, "ix_notifications_user_archived_newest").HasDatabaseName("ix_notifications_user_archived_newest").IsDescending(false, true)
            .HasFilter("is_archived");
        // Retention takes the oldest first.
        notification.HasIndex(n => n.CreatedAt, "ix_notifications_created_at").HasDatabaseName("ix_notifications_created_at");
    }
}
