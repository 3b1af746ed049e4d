using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EnhanceFund.Notifications.Infrastructure.Migrations
{
    /// <summary>
    /// Every notification gets <c>seq</c>, its position in its user's stream: those stored before are numbered in id
    /// order, each user's counter starts after them, and the insert trigger numbers every new one.
    /// </summary>
    public partial class PerUserSeq : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "seq",
                schema: "notifications",
                table: "notifications",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "notification_streams",
                schema: "notifications",
                columns: table => new
                {
                    user_id = table.Column<long>(type: "bigint", nullable: false),
                    last_seq = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notification_streams", x => x.user_id);
                });

            migrationBuilder.Sql(NumberExistingNotifications);
            migrationBuilder.Sql(FunctionWithSeq);

            migrationBuilder.CreateIndex(
                name: "ux_notifications_user_seq",
                schema: "notifications",
                table: "notifications",
                columns: new[] { "user_id", "seq" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Initial.FunctionWithIdOrder);

            migrationBuilder.DropTable(
                name: "notification_streams",
                schema: "notifications");

            migrationBuilder.DropIndex(
                name: "ux_notifications_user_seq",
                schema: "notifications",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "seq",
                schema: "notifications",
                table: "notifications");
        }

        /// <summary>Numbers the notifications stored before seq existed, in id order (which was commit order per user).</summary>
        internal const string NumberExistingNotifications = """
            UPDATE notifications.notifications n SET seq = numbered.seq
            FROM (SELECT id, row_number() OVER (PARTITION BY user_id ORDER BY id) AS seq FROM notifications.notifications) numbered
            WHERE n.id = numbered.id;
            INSERT INTO notifications.notification_streams (user_id, last_seq)
            SELECT user_id, max(seq) FROM notifications.notifications GROUP BY user_id;
            """;

        /// <summary>the stream's row lock replaces the advisory lock and hands out seq.</summary>
        internal const string FunctionWithSeq = """
            CREATE OR REPLACE FUNCTION notifications.on_notification_written() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'INSERT' THEN
                    INSERT INTO notifications.notification_streams AS s (user_id, last_seq) VALUES (NEW.user_id, 1)
                    ON CONFLICT (user_id) DO UPDATE SET last_seq = s.last_seq + 1
                    RETURNING last_seq INTO NEW.seq;
                    NEW.id := nextval(pg_get_serial_sequence('notifications.notifications', 'id'));
                ELSIF NEW.is_read IS NOT DISTINCT FROM OLD.is_read THEN
                    RETURN NEW;
                ELSE
                    UPDATE notifications.notification_counts SET count = count - 1
                    WHERE user_id = OLD.user_id AND notification_type = OLD.notification_type AND is_read = OLD.is_read;
                END IF;
                INSERT INTO notifications.notification_counts AS c (user_id, notification_type, is_read, count)
                VALUES (NEW.user_id, NEW.notification_type, NEW.is_read, 1)
                ON CONFLICT (user_id, notification_type, is_read) DO UPDATE SET count = c.count + 1;
                RETURN NEW;
            END
            $$;
            """;
    }
}
