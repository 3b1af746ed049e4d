using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EnhanceFund.Notifications.Infrastructure.Migrations
{
    /// <summary>
    /// A delete that waited for its row read the row's marks as its statement's snapshot had them: when the request it
    /// waited for had marked the row unread and folded the mark away, the delete still saw it read, and the count it
    /// lowered was never pushed. <c>read_now</c>, which only the deletes' <c>RETURNING</c> call (the API's and the
    /// retention's), now reads the marks afresh, after the row is locked: a volatile function takes a snapshot of its
    /// own for each query (not inlined either way: its body holds a subquery).
    /// </summary>
    public partial class ReadStateAfterTheLock : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER FUNCTION notifications.read_now(boolean, bigint, text, bigint) VOLATILE;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER FUNCTION notifications.read_now(boolean, bigint, text, bigint) STABLE;");
        }
    }
}
