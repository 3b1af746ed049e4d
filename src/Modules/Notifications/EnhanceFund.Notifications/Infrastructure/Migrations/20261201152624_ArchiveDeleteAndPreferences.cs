using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EnhanceFund.Notifications.Infrastructure.Migrations
{
    /// <summary>
    /// Archive, delete and preferences: notifications gain <c>is_archived</c> (archived ones are read, and out of the
    /// default list's indexes), the counters are keyed by it too and move with deletes as well as updates (see
    /// <see cref="NotificationTriggers.StateAndDeleteFunctions"/>), retention gets its index, and each user's settings
    /// per type get a table (a missing row is both settings on).
    /// </summary>
    public partial class ArchiveDeleteAndPreferences : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_notifications_user_newest",
                schema: "notifications",
                table: "notifications");

            migrationBuilder.DropIndex(
                name: "ix_notifications_user_type_newest",
                schema: "notifications",
                table: "notifications");

            migrationBuilder.DropPrimaryKey(
                name: "pk_notification_counts",
                schema: "notifications",
                table: "notification_counts");

            migrationBuilder.AddColumn<bool>(
                name: "is_archived",
                schema: "notifications",
                table: "notifications",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "is_archived",
                schema: "notifications",
                table: "notification_counts",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddPrimaryKey(
                name: "pk_notification_counts",
                schema: "notifications",
                table: "notification_counts",
                columns: new[] { "user_id", "notification_type", "is_read", "is_archived" });

            migrationBuilder.CreateTable(
                name: "notification_preferences",
                schema: "notifications",
                columns: table => new
                {
                    user_id = table.Column<long>(type: "bigint", nullable: false),
                    notification_type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    in_app = table.Column<bool>(type: "boolean", nullable: false),
                    live = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notification_preferences", x => new { x.user_id, x.notification_type });
                });

            migrationBuilder.CreateIndex(
                name: "ix_notifications_created_at",
                schema: "notifications",
                table: "notifications",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_user_archived_newest",
                schema: "notifications",
                table: "notifications",
                columns: new[] { "user_id", "id" },
                descending: new[] { false, true },
                filter: "is_archived");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_user_newest",
                schema: "notifications",
                table: "notifications",
                columns: new[] { "user_id", "id" },
                descending: new[] { false, true },
                filter: "NOT is_archived");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_user_type_newest",
                schema: "notifications",
                table: "notifications",
                columns: new[] { "user_id", "notification_type", "id" },
                descending: new[] { false, false, true },
                filter: "NOT is_archived");

            migrationBuilder.AddCheckConstraint(
                name: "ck_notifications_archived_are_read",
                schema: "notifications",
                table: "notifications",
                sql: "is_read OR NOT is_archived");

            migrationBuilder.Sql(NotificationTriggers.DropReadStateFunction);
            migrationBuilder.Sql(NotificationTriggers.InsertFunctionWithArchive);
            migrationBuilder.Sql(NotificationTriggers.StateAndDeleteFunctions);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(NotificationTriggers.DropStateAndDeleteFunctions);
            migrationBuilder.Sql(NotificationTriggers.Drop);
            migrationBuilder.Sql(NotificationTriggers.UnarchiveCounters);

            migrationBuilder.DropTable(
                name: "notification_preferences",
                schema: "notifications");

            migrationBuilder.DropIndex(
                name: "ix_notifications_created_at",
                schema: "notifications",
                table: "notifications");

            migrationBuilder.DropIndex(
                name: "ix_notifications_user_archived_newest",
                schema: "notifications",
                table: "notifications");

            migrationBuilder.DropIndex(
                name: "ix_notifications_user_newest",
                schema: "notifications",
                table: "notifications");

            migrationBuilder.DropIndex(
                name: "ix_notifications_user_type_newest",
                schema: "notifications",
                table: "notifications");

            migrationBuilder.DropCheckConstraint(
                name: "ck_notifications_archived_are_read",
                schema: "notifications",
                table: "notifications");

            migrationBuilder.DropPrimaryKey(
                name: "pk_notification_counts",
                schema: "notifications",
                table: "notification_counts");

            migrationBuilder.DropColumn(
                name: "is_archived",
                schema: "notifications",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "is_archived",
                schema: "notifications",
                table: "notification_counts");

            migrationBuilder.AddPrimaryKey(
                name: "pk_notification_counts",
                schema: "notifications",
                table: "notification_counts",
                columns: new[] { "user_id", "notification_type", "is_read" });

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

            migrationBuilder.Sql(NotificationTriggers.InsertFunction);
            migrationBuilder.Sql(NotificationTriggers.ReadStateFunction);
        }
    }
}
