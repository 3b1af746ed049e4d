using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EnhanceFund.Notifications.Infrastructure.Migrations
{
    /// <summary>
    /// Mark-all-read of 10,000 notifications within 100 ms: the counters' update trigger sums instead of joining
    /// (<see cref="StatesChangedByGroup"/>), and marking read becomes a HOT update (no unread
    /// index, pages with room; see <see cref="NotificationsDbContext"/>).
    /// </summary>
    public partial class MarkReadInPlace : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_notifications_user_unread_newest",
                schema: "notifications",
                table: "notifications");

            migrationBuilder.AlterTable(
                name: "notifications",
                schema: "notifications")
                .Annotation("Npgsql:StorageParameter:fillfactor", 90);

            migrationBuilder.Sql(StatesChangedByGroup);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(ArchiveDeleteAndPreferences.StatesChangedByRow);

            migrationBuilder.AlterTable(
                name: "notifications",
                schema: "notifications")
                .OldAnnotation("Npgsql:StorageParameter:fillfactor", 90);

            migrationBuilder.CreateIndex(
                name: "ix_notifications_user_unread_newest",
                schema: "notifications",
                table: "notifications",
                columns: new[] { "user_id", "id" },
                descending: new[] { false, true },
                filter: "NOT is_read");
        }

        /// <summary>
        /// no join. Each new row counts +1 under its key and each old row -1 under its own; a row whose
        /// state did not change cancels itself, so what is left is exactly each counter's move, summed in one pass over
        /// each transition table (and only a handful of counters go on to <c>move_counters</c>).
        /// </summary>
        internal const string StatesChangedByGroup = """
            CREATE OR REPLACE FUNCTION notifications.on_states_changed() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM notifications.move_counters(array_agg(u), array_agg(t), array_agg(r), array_agg(a), array_agg(d))
                FROM (
                    SELECT user_id, notification_type::text, is_read, is_archived, sum(delta)::int
                    FROM (
                        SELECT user_id, notification_type, is_read, is_archived, 1 AS delta FROM new_rows
                        UNION ALL
                        SELECT user_id, notification_type, is_read, is_archived, -1 FROM old_rows
                    ) AS both_states
                    GROUP BY user_id, notification_type, is_read, is_archived
                    HAVING sum(delta) <> 0
                ) AS changes(u, t, r, a, d);
                RETURN NULL;
            END
            $$;
            """;
    }
}
