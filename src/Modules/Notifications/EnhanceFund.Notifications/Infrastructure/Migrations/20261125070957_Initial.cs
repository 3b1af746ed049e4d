using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace EnhanceFund.Notifications.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "notifications");

            migrationBuilder.CreateTable(
                name: "inbox_messages",
                schema: "notifications",
                columns: table => new
                {
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    consumer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inbox_messages", x => new { x.event_id, x.consumer });
                });

            migrationBuilder.CreateTable(
                name: "notification_counts",
                schema: "notifications",
                columns: table => new
                {
                    user_id = table.Column<long>(type: "bigint", nullable: false),
                    notification_type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    is_read = table.Column<bool>(type: "boolean", nullable: false),
                    count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notification_counts", x => new { x.user_id, x.notification_type, x.is_read });
                    table.CheckConstraint("ck_notification_counts_not_negative", "count >= 0");
                });

            migrationBuilder.CreateTable(
                name: "notifications",
                schema: "notifications",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<long>(type: "bigint", nullable: false),
                    notification_type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    is_read = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    related_id = table.Column<long>(type: "bigint", nullable: true),
                    related_type = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    source_event_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notifications", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                schema: "notifications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_error = table.Column<string>(type: "text", nullable: true),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    parked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_messages", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_inbox_messages_processed_at",
                schema: "notifications",
                table: "inbox_messages",
                column: "processed_at");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_user_newest",
                schema: "notifications",
                table: "notifications",
                columns: new[] { "user_id", "id" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "ix_notifications_user_type_newest",
                schema: "notifications",
                table: "notifications",
                columns: new[] { "user_id", "notification_type", "id" },
                descending: new[] { false, false, true });

            migrationBuilder.CreateIndex(
                name: "ix_notifications_user_unread_newest",
                schema: "notifications",
                table: "notifications",
                columns: new[] { "user_id", "id" },
                descending: new[] { false, true },
                filter: "NOT is_read");

            migrationBuilder.CreateIndex(
                name: "ux_notifications_one_per_event_and_recipient",
                schema: "notifications",
                table: "notifications",
                columns: new[] { "source_event_id", "user_id", "notification_type" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_due",
                schema: "notifications",
                table: "outbox_messages",
                column: "next_attempt_at",
                filter: "processed_at IS NULL AND parked_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_processed",
                schema: "notifications",
                table: "outbox_messages",
                column: "processed_at",
                filter: "processed_at IS NOT NULL");

            migrationBuilder.Sql(FunctionWithIdOrder);
            migrationBuilder.Sql(Trigger);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Drop);

            migrationBuilder.DropTable(
                name: "inbox_messages",
                schema: "notifications");

            migrationBuilder.DropTable(
                name: "notification_counts",
                schema: "notifications");

            migrationBuilder.DropTable(
                name: "notifications",
                schema: "notifications");

            migrationBuilder.DropTable(
                name: "outbox_messages",
                schema: "notifications");
        }

        /// <summary>counters, and an advisory lock per user so that ids follow commit order.</summary>
        internal const string FunctionWithIdOrder = """
            CREATE OR REPLACE FUNCTION notifications.on_notification_written() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'INSERT' THEN
                    PERFORM pg_advisory_xact_lock(7001, hashtext(NEW.user_id::text));
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

        internal const string Trigger = """
            CREATE TRIGGER on_notification_written
            BEFORE INSERT OR UPDATE OF is_read ON notifications.notifications
            FOR EACH ROW EXECUTE FUNCTION notifications.on_notification_written();
            """;

        internal const string Drop = """
            DROP TRIGGER IF EXISTS on_notification_written ON notifications.notifications;
            DROP FUNCTION IF EXISTS notifications.on_notification_written();
            """;
    }
}
