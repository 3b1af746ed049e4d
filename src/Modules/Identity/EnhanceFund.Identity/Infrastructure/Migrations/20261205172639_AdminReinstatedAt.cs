using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EnhanceFund.Identity.Infrastructure.Migrations
{
    /// <summary>
    /// When a retired admin was configured again: the sign-ins it made before its retirement stay ended. A column of
    /// its own, added, so that instances not yet upgraded go on reading the table during a rolling deployment.
    /// </summary>
    public partial class AdminReinstatedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "reinstated_at",
                schema: "identity",
                table: "users",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "reinstated_at",
                schema: "identity",
                table: "users");
        }
    }
}
