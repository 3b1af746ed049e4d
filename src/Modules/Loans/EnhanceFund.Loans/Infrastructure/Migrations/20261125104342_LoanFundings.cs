using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EnhanceFund.Loans.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class LoanFundings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "loan_fundings",
                schema: "loans",
                columns: table => new
                {
                    investment_id = table.Column<long>(type: "bigint", nullable: false),
                    loan_id = table.Column<long>(type: "bigint", nullable: false),
                    investor_id = table.Column<long>(type: "bigint", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(18,2)", nullable: false),
                    rejection_reason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_loan_fundings", x => x.investment_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_loan_fundings_investor_id_loan_id",
                schema: "loans",
                table: "loan_fundings",
                columns: new[] { "investor_id", "loan_id" });

            migrationBuilder.CreateIndex(
                name: "ix_loan_fundings_loan_id_investor_id",
                schema: "loans",
                table: "loan_fundings",
                columns: new[] { "loan_id", "investor_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "loan_fundings",
                schema: "loans");
        }
    }
}
