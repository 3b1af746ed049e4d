using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EnhanceFund.Notifications.Infrastructure.Migrations
{
    /// <summary>
    /// Every committed change of a user's notifications is announced to the instances, which keep unread counts and
    /// first pages between changes: see <see cref="ChangeNotify"/>.
    /// </summary>
    public partial class NotifyEveryChange : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(ChangeNotify);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql(DropChangeNotify + UnreadCountNotify.Notify);

        /// <summary>
        /// every change of any counter tells the instances whose notifications it changed, so each
        /// forgets the unread count and the first page it kept (<see cref="NotificationChangeListener"/>). Every insert, read
        /// or archive change and delete of a notification moves a counter, so none goes unheard; PostgreSQL sends the NOTIFY
        /// at the commit, only if it commits, once per user per transaction. Replaces <see cref="UnreadCountNotify.Notify"/>, which
        /// a read notification archived or deleted did not send.
        /// </summary>
        internal const string ChangeNotify = """
            DROP TRIGGER IF EXISTS on_unread_counter_changed ON notifications.notification_counts;
            DROP FUNCTION IF EXISTS notifications.on_unread_counter_changed();

            CREATE FUNCTION notifications.on_counter_changed() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM pg_notify('notifications_changed', NEW.user_id::text);
                RETURN NULL;
            END
            $$;

            CREATE TRIGGER on_counter_changed
            AFTER INSERT OR UPDATE ON notifications.notification_counts
            FOR EACH ROW EXECUTE FUNCTION notifications.on_counter_changed();
            """;

        internal const string DropChangeNotify = """
            DROP TRIGGER IF EXISTS on_counter_changed ON notifications.notification_counts;
            DROP FUNCTION IF EXISTS notifications.on_counter_changed();
            """;
    }
}
