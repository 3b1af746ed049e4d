using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EnhanceFund.Notifications.Infrastructure.Migrations
{
    /// <summary>
    /// A notification is dated by its consumer's clock before it waits for the user's stream, so a consumer that waited
    /// behind another could store a later seq with an earlier time. The stream now keeps the last time it handed out,
    /// and the insert trigger dates each notification no earlier than it: in one user's stream, seq order is time order.
    /// </summary>
    public partial class StreamTimesInOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "last_created_at",
                schema: "notifications",
                table: "notification_streams",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.Sql("""
                UPDATE notifications.notification_streams s SET last_created_at = newest.created_at
                FROM (SELECT user_id, max(created_at) AS created_at FROM notifications.notifications GROUP BY user_id) newest
                WHERE newest.user_id = s.user_id;
                """);
            migrationBuilder.Sql(InsertFunctionInTimeOrder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(ArchiveDeleteAndPreferences.InsertFunctionWithArchive);

            migrationBuilder.DropColumn(
                name: "last_created_at",
                schema: "notifications",
                table: "notification_streams");
        }

        /// <summary>
        /// <see cref="ArchiveDeleteAndPreferences.InsertFunctionWithArchive"/>, and the stream's row, locked as before,
        /// also gives the notification its time: the later of its own and the stream's last (greatest ignores a null).
        /// </summary>
        internal const string InsertFunctionInTimeOrder = """
            CREATE OR REPLACE FUNCTION notifications.on_notification_written() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO notifications.notification_streams AS s (user_id, last_seq, last_created_at)
                VALUES (NEW.user_id, 1, NEW.created_at)
                ON CONFLICT (user_id) DO UPDATE
                    SET last_seq = s.last_seq + 1, last_created_at = greatest(s.last_created_at, EXCLUDED.last_created_at)
                RETURNING last_seq, last_created_at INTO NEW.seq, NEW.created_at;
                NEW.id := nextval(pg_get_serial_sequence('notifications.notifications', 'id'));
                INSERT INTO notifications.notification_counts AS c (user_id, notification_type, is_read, is_archived, count)
                VALUES (NEW.user_id, NEW.notification_type, NEW.is_read, NEW.is_archived, 1)
                ON CONFLICT (user_id, notification_type, is_read, is_archived) DO UPDATE SET count = c.count + 1;
                RETURN NEW;
            END
            $$;
            """;
    }
}
