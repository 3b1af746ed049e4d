using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EnhanceFund.Notifications.Infrastructure.Migrations
{
    /// <summary>
    /// Every committed change of a user's notifications is announced to the instances, which keep unread counts and
    /// first pages between changes: see <see cref="NotificationTriggers.ChangeNotify"/>.
    /// </summary>
    public partial class NotifyEveryChange : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(NotificationTriggers.ChangeNotify);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql(NotificationTriggers.DropChangeNotify + NotificationTriggers.UnreadCountNotify);
    }
}
