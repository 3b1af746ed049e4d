using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EnhanceFund.Wallet.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class LoanDebts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "loan_debts",
                schema: "wallet",
                columns: table => new
                {
                    loan_id = table.Column<long>(type: "bigint", nullable: false),
                    borrower_id = table.Column<long>(type: "bigint", nullable: false),
                    repayment_due = table.Column<decimal>(type: "numeric(18,2)", nullable: true),
                    repaid_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_loan_debts", x => x.loan_id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "loan_debts",
                schema: "wallet");
        }
    }
}
