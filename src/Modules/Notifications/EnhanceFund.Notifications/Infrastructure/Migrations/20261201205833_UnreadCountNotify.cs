using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EnhanceFund.Notifications.Infrastructure.Migrations
{
    /// <summary>
    /// Every committed change of an unread counter is announced to the instances, which keep unread counts between
    /// changes: see <see cref="Notify"/>.
    /// </summary>
    public partial class UnreadCountNotify : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(Notify);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(DropNotify);

        /// <summary>
        /// every change of an unread counter tells the instances whose unread count it changed (PostgreSQL
        /// sends the NOTIFY at the commit, only if the change commits, once per user per transaction), so each forgets the
        /// count it kept (then UnreadCountListener). Read counters never change an unread count. Replaced by <see cref="NotifyEveryChange.ChangeNotify"/>.
        /// </summary>
        internal const string Notify = """
            CREATE FUNCTION notifications.on_unread_counter_changed() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM pg_notify('notifications_unread_count', NEW.user_id::text);
                RETURN NULL;
            END
            $$;

            CREATE TRIGGER on_unread_counter_changed
            AFTER INSERT OR UPDATE ON notifications.notification_counts
            FOR EACH ROW WHEN (NOT NEW.is_read) EXECUTE FUNCTION notifications.on_unread_counter_changed();
            """;

        internal const string DropNotify = """
            DROP TRIGGER IF EXISTS on_unread_counter_changed ON notifications.notification_counts;
            DROP FUNCTION IF EXISTS notifications.on_unread_counter_changed();
            """;
    }
}
