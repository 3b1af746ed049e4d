using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EnhanceFund.Investments.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class IdempotencyRecordsByAge : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_idempotency_records_created_at",
                schema: "investments",
                table: "idempotency_records",
                column: "created_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_idempotency_records_created_at",
                schema: "investments",
                table: "idempotency_records");
        }
    }
}
