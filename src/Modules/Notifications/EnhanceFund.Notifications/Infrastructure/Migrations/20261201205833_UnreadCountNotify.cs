using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EnhanceFund.Notifications.Infrastructure.Migrations
{
    /// <summary>
    /// Every committed change of an unread counter is announced to the instances, which keep unread counts between
    /// changes: see <see cref="NotificationTriggers.UnreadCountNotify"/>.
    /// </summary>
    public partial class UnreadCountNotify : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(NotificationTriggers.UnreadCountNotify);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(NotificationTriggers.DropUnreadCountNotify);
    }
}
