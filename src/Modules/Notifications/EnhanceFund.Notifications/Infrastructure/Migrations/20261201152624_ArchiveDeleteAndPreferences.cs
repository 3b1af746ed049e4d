using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EnhanceFund.Notifications.Infrastructure.Migrations
{
    /// <summary>
    /// Archive, delete and preferences: notifications gain <c>is_archived</c> (archived ones are read, and out of the
    /// default list's indexes), the counters are keyed by it too and move with deletes as well as updates (see
    /// <see cref="StateAndDeleteFunctions"/>), retention gets its index, and each user's settings
    /// per type get a table (a missing row is both settings on).
    /// </summary>
    public partial class ArchiveDeleteAndPreferences : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_notifications_user_newest",
                schema: "notifications",
                table: "notifications");

            migrationBuilder.DropIndex(
                name: "ix_notifications_user_type_newest",
                schema: "notifications",
                table: "notifications");

            migrationBuilder.DropPrimaryKey(
                name: "pk_notification_counts",
                schema: "notifications",
                table: "notification_counts");

            migrationBuilder.AddColumn<bool>(
                name: "is_archived",
                schema: "notifications",
                table: "notifications",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "is_archived",
                schema: "notifications",
                table: "notification_counts",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddPrimaryKey(
                name: "pk_notification_counts",
                schema: "notifications",
                table: "notification_counts",
                columns: new[] { "user_id", "notification_type", "is_read", "is_archived" });

            migrationBuilder.CreateTable(
                name: "notification_preferences",
                schema: "notifications",
                columns: table => new
                {
                    user_id = table.Column<long>(type: "bigint", nullable: false),
                    notification_type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    in_app = table.Column<bool>(type: "boolean", nullable: false),
                    live = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notification_preferences", x => new { x.user_id, x.notification_type });
                });

            migrationBuilder.CreateIndex(
                name: "ix_notifications_created_at",
                schema: "notifications",
                table: "notifications",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_user_archived_newest",
                schema: "notifications",
                table: "notifications",
                columns: new[] { "user_id", "id" },
                descending: new[] { false, true },
                filter: "is_archived");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_user_newest",
                schema: "notifications",
                table: "notifications",
                columns: new[] { "user_id", "id" },
                descending: new[] { false, true },
                filter: "NOT is_archived");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_user_type_newest",
                schema: "notifications",
                table: "notifications",
                columns: new[] { "user_id", "notification_type", "id" },
                descending: new[] { false, false, true },
                filter: "NOT is_archived");

            migrationBuilder.AddCheckConstraint(
                name: "ck_notifications_archived_are_read",
                schema: "notifications",
                table: "notifications",
                sql: "is_read OR NOT is_archived");

            migrationBuilder.Sql(OrderedCounterLocks.DropReadStateFunction);
            migrationBuilder.Sql(InsertFunctionWithArchive);
            migrationBuilder.Sql(StateAndDeleteFunctions);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(DropStateAndDeleteFunctions);
            migrationBuilder.Sql(Initial.Drop);
            migrationBuilder.Sql(UnarchiveCounters);

            migrationBuilder.DropTable(
                name: "notification_preferences",
                schema: "notifications");

            migrationBuilder.DropIndex(
                name: "ix_notifications_created_at",
                schema: "notifications",
                table: "notifications");

            migrationBuilder.DropIndex(
                name: "ix_notifications_user_archived_newest",
                schema: "notifications",
                table: "notifications");

            migrationBuilder.DropIndex(
                name: "ix_notifications_user_newest",
                schema: "notifications",
                table: "notifications");

            migrationBuilder.DropIndex(
                name: "ix_notifications_user_type_newest",
                schema: "notifications",
                table: "notifications");

            migrationBuilder.DropCheckConstraint(
                name: "ck_notifications_archived_are_read",
                schema: "notifications",
                table: "notifications");

            migrationBuilder.DropPrimaryKey(
                name: "pk_notification_counts",
                schema: "notifications",
                table: "notification_counts");

            migrationBuilder.DropColumn(
                name: "is_archived",
                schema: "notifications",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "is_archived",
                schema: "notifications",
                table: "notification_counts");

            migrationBuilder.AddPrimaryKey(
                name: "pk_notification_counts",
                schema: "notifications",
                table: "notification_counts",
                columns: new[] { "user_id", "notification_type", "is_read" });

            migrationBuilder.CreateIndex(
                name: "ix_notifications_user_newest",
                schema: "notifications",
                table: "notifications",
                columns: new[] { "user_id", "id" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "ix_notifications_user_type_newest",
                schema: "notifications",
                table: "notifications",
                columns: new[] { "user_id", "notification_type", "id" },
                descending: new[] { false, false, true });

            migrationBuilder.Sql(OrderedCounterLocks.InsertFunction);
            migrationBuilder.Sql(OrderedCounterLocks.ReadStateFunction);
        }

        /// <summary>
        /// counters are keyed by archived state too, so the insert trigger counts the new notification
        /// under it (always false, but the key must be whole).
        /// </summary>
        internal const string InsertFunctionWithArchive = """
            CREATE OR REPLACE FUNCTION notifications.on_notification_written() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO notifications.notification_streams AS s (user_id, last_seq) VALUES (NEW.user_id, 1)
                ON CONFLICT (user_id) DO UPDATE SET last_seq = s.last_seq + 1
                RETURNING last_seq INTO NEW.seq;
                NEW.id := nextval(pg_get_serial_sequence('notifications.notifications', 'id'));
                INSERT INTO notifications.notification_counts AS c (user_id, notification_type, is_read, is_archived, count)
                VALUES (NEW.user_id, NEW.notification_type, NEW.is_read, NEW.is_archived, 1)
                ON CONFLICT (user_id, notification_type, is_read, is_archived) DO UPDATE SET count = c.count + 1;
                RETURN NEW;
            END
            $$;
            """;

        /// <summary>
        /// updates (read or archived state) and deletes move the counters once per statement, from its
        /// transition tables, through one function that takes the counter rows in key order (created at 0 first if
        /// missing), as <see cref="OrderedCounterLocks.ReadStateFunction"/> did for read states alone. A mark-all-read, an archive, a delete
        /// and a retention batch on one user's counters wait for each other but never deadlock, and a statement that
        /// deletes 1,000 rows moves each of their counters once.
        /// </summary>
        internal const string StateAndDeleteFunctions = """
            CREATE FUNCTION notifications.move_counters(
                row_users bigint[], row_types text[], row_reads boolean[], row_archived boolean[], row_deltas int[])
            RETURNS void LANGUAGE plpgsql AS $$
            DECLARE
                users bigint[];
                types text[];
                reads boolean[];
                archived boolean[];
                deltas int[];
            BEGIN
                SELECT array_agg(u ORDER BY u, t, r, a), array_agg(t ORDER BY u, t, r, a), array_agg(r ORDER BY u, t, r, a),
                       array_agg(a ORDER BY u, t, r, a), array_agg(delta ORDER BY u, t, r, a)
                INTO users, types, reads, archived, deltas
                FROM (
                    SELECT u, t, r, a, sum(d)::int AS delta
                    FROM unnest(row_users, row_types, row_reads, row_archived, row_deltas) AS changes(u, t, r, a, d)
                    GROUP BY u, t, r, a
                    HAVING sum(d) <> 0
                ) by_counter;
                IF users IS NULL THEN
                    RETURN;
                END IF;

                INSERT INTO notifications.notification_counts (user_id, notification_type, is_read, is_archived, count)
                SELECT u, t, r, a, 0 FROM unnest(users, types, reads, archived) AS d(u, t, r, a)
                ON CONFLICT DO NOTHING;
                PERFORM 1 FROM notifications.notification_counts c
                JOIN unnest(users, types, reads, archived) AS d(u, t, r, a)
                    ON c.user_id = d.u AND c.notification_type = d.t AND c.is_read = d.r AND c.is_archived = d.a
                ORDER BY c.user_id, c.notification_type, c.is_read, c.is_archived
                FOR UPDATE OF c;
                UPDATE notifications.notification_counts c SET count = c.count + d.delta
                FROM unnest(users, types, reads, archived, deltas) AS d(u, t, r, a, delta)
                WHERE c.user_id = d.u AND c.notification_type = d.t AND c.is_read = d.r AND c.is_archived = d.a;
            END
            $$;

            """ + StatesChangedByRow + """

            CREATE TRIGGER on_states_changed
            AFTER UPDATE ON notifications.notifications
            REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION notifications.on_states_changed();

            """ + DeletedByRow + """

            CREATE TRIGGER on_notifications_deleted
            AFTER DELETE ON notifications.notifications
            REFERENCING OLD TABLE AS old_rows
            FOR EACH STATEMENT EXECUTE FUNCTION notifications.on_notifications_deleted();
            """;

        /// <summary>a delete takes each row off the counter of its state.</summary>
        internal const string DeletedByRow = """
            CREATE OR REPLACE FUNCTION notifications.on_notifications_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM notifications.move_counters(
                    array_agg(user_id), array_agg(notification_type::text), array_agg(is_read), array_agg(is_archived), array_agg(-1))
                FROM old_rows;
                RETURN NULL;
            END
            $$;
            """;

        /// <summary>
        /// the counter changes of an update, matched row by row. PostgreSQL knows nothing of a
        /// transition table's size or keys, so with a million rows in the table it joined the 10,000 old and new rows of a
        /// mark-all-read in a nested loop (0.7 s). Replaced by <see cref="MarkReadInPlace.StatesChangedByGroup"/>.
        /// </summary>
        internal const string StatesChangedByRow = """
            CREATE OR REPLACE FUNCTION notifications.on_states_changed() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM notifications.move_counters(array_agg(u), array_agg(t), array_agg(r), array_agg(a), array_agg(d))
                FROM (
                    SELECT n.user_id, n.notification_type::text, n.is_read, n.is_archived, 1
                    FROM new_rows n JOIN old_rows o ON o.id = n.id
                    WHERE n.is_read <> o.is_read OR n.is_archived <> o.is_archived
                    UNION ALL
                    SELECT o.user_id, o.notification_type::text, o.is_read, o.is_archived, -1
                    FROM new_rows n JOIN old_rows o ON o.id = n.id
                    WHERE n.is_read <> o.is_read OR n.is_archived <> o.is_archived
                ) AS changes(u, t, r, a, d);
                RETURN NULL;
            END
            $$;
            """;

        internal const string DropStateAndDeleteFunctions = """
            DROP TRIGGER IF EXISTS on_notifications_deleted ON notifications.notifications;
            DROP FUNCTION IF EXISTS notifications.on_notifications_deleted();
            DROP TRIGGER IF EXISTS on_states_changed ON notifications.notifications;
            DROP FUNCTION IF EXISTS notifications.on_states_changed();
            DROP FUNCTION IF EXISTS notifications.move_counters(bigint[], text[], boolean[], boolean[], int[]);
            """;

        /// <summary>Undoing ArchiveDeleteAndPreferences: archived notifications become plain (read) ones again, and so do their counts.</summary>
        internal const string UnarchiveCounters = """
            INSERT INTO notifications.notification_counts AS c (user_id, notification_type, is_read, is_archived, count)
            SELECT user_id, notification_type, is_read, false, count FROM notifications.notification_counts WHERE is_archived
            ON CONFLICT (user_id, notification_type, is_read, is_archived) DO UPDATE SET count = c.count + excluded.count;
            DELETE FROM notifications.notification_counts WHERE is_archived;
            """;
    }
}
