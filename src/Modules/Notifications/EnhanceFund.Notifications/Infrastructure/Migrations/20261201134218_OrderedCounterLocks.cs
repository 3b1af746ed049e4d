using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EnhanceFund.Notifications.Infrastructure.Migrations
{
    /// <summary>
    /// Read-state changes move the counters once per statement, locked in key order: see
    /// <see cref="NotificationTriggers.ReadStateFunction"/>. Inserts keep their row trigger.
    /// </summary>
    public partial class OrderedCounterLocks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(NotificationTriggers.Drop);
            migrationBuilder.Sql(NotificationTriggers.InsertFunction);
            migrationBuilder.Sql(NotificationTriggers.ReadStateFunction);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(NotificationTriggers.DropReadStateFunction);
            migrationBuilder.Sql(NotificationTriggers.Drop);
            migrationBuilder.Sql(NotificationTriggers.FunctionWithSeq);
            migrationBuilder.Sql(NotificationTriggers.Trigger);
        }
    }
}
