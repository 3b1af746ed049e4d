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

            migrationBuilder.Sql(NotificationTriggers.NumberExistingNotifications);
            migrationBuilder.Sql(NotificationTriggers.FunctionWithSeq);

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
            migrationBuilder.Sql(NotificationTriggers.FunctionWithIdOrder);

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
    }
}
