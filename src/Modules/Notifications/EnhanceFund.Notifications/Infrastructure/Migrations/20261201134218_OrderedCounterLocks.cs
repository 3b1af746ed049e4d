using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EnhanceFund.Notifications.Infrastructure.Migrations
{
    /// <summary>Opposite read toggles of one type cannot deadlock: see <see cref="NotificationTriggers.FunctionWithOrderedCounters"/>.</summary>
    public partial class OrderedCounterLocks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql(NotificationTriggers.FunctionWithOrderedCounters);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql(NotificationTriggers.FunctionWithSeq);
    }
}
