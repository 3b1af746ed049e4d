using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EnhanceFund.Notifications.Infrastructure.Migrations
{
    /// <summary>
    /// Mark-all-read of 10,000 notifications within 100 ms: the counters' update trigger sums instead of joining
    /// (<see cref="NotificationTriggers.StatesChangedByGroup"/>), and marking read becomes a HOT update (no unread
    /// index, pages with room; see <see cref="NotificationsDbContext"/>).
    /// </summary>
    public partial class MarkReadInPlace : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_notifications_user_unread_newest",
                schema: "notifications",
                table: "notifications");

            migrationBuilder.AlterTable(
                name: "notifications",
                schema: "notifications")
                .Annotation("Npgsql:StorageParameter:fillfactor", 90);

            migrationBuilder.Sql(NotificationTriggers.StatesChangedByGroup);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(NotificationTriggers.StatesChangedByRow);

            migrationBuilder.AlterTable(
                name: "notifications",
                schema: "notifications")
                .OldAnnotation("Npgsql:StorageParameter:fillfactor", 90);

            migrationBuilder.CreateIndex(
                name: "ix_notifications_user_unread_newest",
                schema: "notifications",
                table: "notifications",
                columns: new[] { "user_id", "id" },
                descending: new[] { false, true },
                filter: "NOT is_read");
        }
    }
}
