using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EnhanceFund.Notifications.Infrastructure.Migrations
{
    /// <summary>
    /// Mark-all-read writes one mark per type instead of rewriting each notification (<see cref="ReadMarkSql"/>).
    /// </summary>
    public partial class ReadMarks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "read_marks",
                schema: "notifications",
                columns: table => new
                {
                    user_id = table.Column<long>(type: "bigint", nullable: false),
                    notification_type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    read_up_to_seq = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_read_marks", x => new { x.user_id, x.notification_type });
                });

            migrationBuilder.Sql(ReadMarkSql.Install);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(ReadMarkSql.Uninstall);

            migrationBuilder.DropTable(
                name: "read_marks",
                schema: "notifications");
        }
    }
}
