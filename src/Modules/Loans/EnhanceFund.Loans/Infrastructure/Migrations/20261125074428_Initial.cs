using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EnhanceFund.Loans.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "loans");

            migrationBuilder.CreateSequence(
                name: "loan_ids",
                schema: "loans");

            migrationBuilder.CreateTable(
                name: "inbox_messages",
                schema: "loans",
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
                name: "loans",
                schema: "loans",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false),
                    borrower_id = table.Column<long>(type: "bigint", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(18,2)", nullable: false),
                    funded_amount = table.Column<decimal>(type: "numeric(18,2)", nullable: false),
                    interest_rate = table.Column<decimal>(type: "numeric(5,2)", nullable: false),
                    term_months = table.Column<int>(type: "integer", nullable: false),
                    purpose = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    investor_count = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_loans", x => x.id);
                    table.CheckConstraint("ck_loans_funded_within_amount", "funded_amount >= 0 AND funded_amount <= amount");
                    table.CheckConstraint("ck_loans_interest_rate", "interest_rate > 0 AND interest_rate <= 100");
                    table.CheckConstraint("ck_loans_term_months", "term_months BETWEEN 1 AND 120");
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                schema: "loans",
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
                schema: "loans",
                table: "inbox_messages",
                column: "processed_at");

            migrationBuilder.CreateIndex(
                name: "ix_loans_borrower_id_id",
                schema: "loans",
                table: "loans",
                columns: new[] { "borrower_id", "id" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "ix_loans_status_id",
                schema: "loans",
                table: "loans",
                columns: new[] { "status", "id" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_due",
                schema: "loans",
                table: "outbox_messages",
                column: "next_attempt_at",
                filter: "processed_at IS NULL AND parked_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_processed",
                schema: "loans",
                table: "outbox_messages",
                column: "processed_at",
                filter: "processed_at IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "inbox_messages",
                schema: "loans");

            migrationBuilder.DropTable(
                name: "loans",
                schema: "loans");

            migrationBuilder.DropTable(
                name: "outbox_messages",
                schema: "loans");

            migrationBuilder.DropSequence(
                name: "loan_ids",
                schema: "loans");
        }
    }
}
