using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EnhanceFund.Notifications.Infrastructure.Migrations
{
    /// <summary>
    /// Read-state changes move the counters once per statement, locked in key order: see
    /// <see cref="ReadStateFunction"/>. Inserts keep their row trigger.
    /// </summary>
    public partial class OrderedCounterLocks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Initial.Drop);
            migrationBuilder.Sql(InsertFunction);
            migrationBuilder.Sql(ReadStateFunction);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(DropReadStateFunction);
            migrationBuilder.Sql(Initial.Drop);
            migrationBuilder.Sql(PerUserSeq.FunctionWithSeq);
            migrationBuilder.Sql(Initial.Trigger);
        }

        /// <summary>
        /// The insert half: seq, id and the counter of the new notification, row by row (each insert
        /// needs its own seq before it is written).
        /// </summary>
        internal const string InsertFunction = """
            CREATE OR REPLACE FUNCTION notifications.on_notification_written() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO notifications.notification_streams AS s (user_id, last_seq) VALUES (NEW.user_id, 1)
                ON CONFLICT (user_id) DO UPDATE SET last_seq = s.last_seq + 1
                RETURNING last_seq INTO NEW.seq;
                NEW.id := nextval(pg_get_serial_sequence('notifications.notifications', 'id'));
                INSERT INTO notifications.notification_counts AS c (user_id, notification_type, is_read, count)
                VALUES (NEW.user_id, NEW.notification_type, NEW.is_read, 1)
                ON CONFLICT (user_id, notification_type, is_read) DO UPDATE SET count = c.count + 1;
                RETURN NEW;
            END
            $$;

            CREATE TRIGGER on_notification_written
            BEFORE INSERT ON notifications.notifications
            FOR EACH ROW EXECUTE FUNCTION notifications.on_notification_written();
            """;

        /// <summary>
        /// The read-state half: once per statement, from the rows it changed (its transition tables).
        /// Marking 10,000 read moves two counter rows once, not 20,000 times; and the counter rows a statement moves are
        /// locked in key order (created at 0 first if missing), so two statements toggling one type opposite ways cannot
        /// deadlock, as they could when each row locked its old state's counter first.
        /// </summary>
        internal const string ReadStateFunction = """
            CREATE FUNCTION notifications.on_read_states_changed() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
                users bigint[];
                types text[];
                states boolean[];
                deltas int[];
            BEGIN
                SELECT array_agg(user_id ORDER BY user_id, notification_type, is_read),
                       array_agg(notification_type ORDER BY user_id, notification_type, is_read),
                       array_agg(is_read ORDER BY user_id, notification_type, is_read),
                       array_agg(delta ORDER BY user_id, notification_type, is_read)
                INTO users, types, states, deltas
                FROM (
                    SELECT user_id, notification_type, is_read, sum(delta)::int AS delta
                    FROM (
                        SELECT n.user_id, n.notification_type, n.is_read, 1 AS delta
                        FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.is_read <> o.is_read
                        UNION ALL
                        SELECT o.user_id, o.notification_type, o.is_read, -1
                        FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.is_read <> o.is_read
                    ) changes
                    GROUP BY user_id, notification_type, is_read
                ) by_counter;
                IF users IS NULL THEN
                    RETURN NULL;
                END IF;

                INSERT INTO notifications.notification_counts (user_id, notification_type, is_read, count)
                SELECT u, t, r, 0 FROM unnest(users, types, states) AS d(u, t, r)
                ON CONFLICT DO NOTHING;
                PERFORM 1 FROM notifications.notification_counts c
                JOIN unnest(users, types, states) AS d(u, t, r) ON c.user_id = d.u AND c.notification_type = d.t AND c.is_read = d.r
                ORDER BY c.user_id, c.notification_type, c.is_read
                FOR UPDATE OF c;
                UPDATE notifications.notification_counts c SET count = c.count + d.delta
                FROM unnest(users, types, states, deltas) AS d(u, t, r, delta)
                WHERE c.user_id = d.u AND c.notification_type = d.t AND c.is_read = d.r;
                RETURN NULL;
            END
            $$;

            CREATE TRIGGER on_read_states_changed
            AFTER UPDATE ON notifications.notifications
            REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION notifications.on_read_states_changed();
            """;

        internal const string DropReadStateFunction = """
            DROP TRIGGER IF EXISTS on_read_states_changed ON notifications.notifications;
            DROP FUNCTION IF EXISTS notifications.on_read_states_changed();
            """;
    }
}
