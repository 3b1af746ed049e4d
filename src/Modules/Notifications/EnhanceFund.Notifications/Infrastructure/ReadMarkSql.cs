namespace EnhanceFund.Notifications.Infrastructure;

/// <summary>
/// ReadMarks: marking all read writes one mark per type instead of rewriting every row. A notification is read when its
/// own <c>is_read</c> says so or its seq is at most its user's mark of its type (<c>read_marks</c>); queries read that
/// through the view <c>notifications_read_now</c> (EF maps the entity to it for queries, to the table for writes),
/// and the counters' triggers count it so. A mark covers exactly what had committed when it was set: seqs follow
/// commit order, and setting one waits for a notification being stored (the user's stream row).
/// </summary>
internal static class ReadMarkSql
{
    public const string View = "notifications_read_now";

    /// <summary>
    /// The view's query, which PATCH also runs to read its row once it has locked it. Every column of the table,
    /// is_read as <c>read_now</c> says: a column added to the table must be added here too. A join, not
    /// <c>read_now</c> or a subquery per row: PostgreSQL does not inline a function that holds a subquery, and either
    /// made an unread page several times dearer for PostgreSQL (README, Benchmark).
    /// </summary>
    public const string ReadNowQuery = """
        SELECT n.id, n.user_id, n.seq, n.notification_type, n.title, n.message,
               notifications.read_by(n.is_read, n.seq, m.read_up_to_seq) AS is_read,
               n.is_archived, n.created_at, n.related_id, n.related_type, n.source_event_id
        FROM notifications.notifications n
        LEFT JOIN notifications.read_marks m ON m.user_id = n.user_id AND m.notification_type = n.notification_type
        """;

    public const string Install = """
        -- The rule: read by its own flag, or by its user's mark of its type (null: none). A plain expression, so
        -- PostgreSQL inlines it where the mark is joined (the view, count_rows).
        CREATE FUNCTION notifications.read_by(own_flag boolean, seq bigint, read_up_to_seq bigint)
        RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
            SELECT $1 OR $2 <= coalesce($3, 0)
        $$;

        -- The rule for one row, its mark looked up (for a RETURNING, which cannot join). Volatile since the migration
        -- ReadStateAfterTheLock, so that it reads the mark as it is once the row is locked.
        CREATE FUNCTION notifications.read_now(is_read boolean, user_id bigint, notification_type text, seq bigint)
        RETURNS boolean LANGUAGE sql STABLE AS $$
            SELECT notifications.read_by($1, $4,
                (SELECT m.read_up_to_seq FROM notifications.read_marks m WHERE m.user_id = $2 AND m.notification_type = $3))
        $$;

        -- Creates every counter of the given users and types that is missing (at 0), then locks them all, each in key
        -- order (as move_counters does): two statements that lock counters this way never wait for each other's in turn.
        CREATE FUNCTION notifications.lock_counters(users bigint[], types text[]) RETURNS void LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO notifications.notification_counts (user_id, notification_type, is_read, is_archived, count)
            SELECT DISTINCT k.u, k.t, state.r, state.a, 0
            FROM unnest(users, types) AS k(u, t), (VALUES (false, false), (true, false), (true, true)) AS state(r, a)
            ORDER BY 1, 2, 3, 4
            ON CONFLICT DO NOTHING;
            PERFORM 1 FROM notifications.notification_counts c
            WHERE (c.user_id, c.notification_type) IN (SELECT * FROM unnest(users, types))
            ORDER BY c.user_id, c.notification_type, c.is_read, c.is_archived
            FOR UPDATE OF c;
        END
        $$;

        CREATE VIEW notifications.notifications_read_now AS

        """ + ReadNowQuery + """
        ;

        -- Under the user's lock (as every change of many of their rows), then their stream row: a notification being
        -- stored commits first, and none is numbered until this commits, so the mark covers what had committed. The
        -- counters are locked (lock_counters) before they are read, so no PATCH or delete moves them in between.
        CREATE FUNCTION notifications.mark_all_read(p_user_id bigint, p_type text) RETURNS integer LANGUAGE plpgsql AS $$
        DECLARE
            up_to bigint;
            types text[];
            unread integer[];
        BEGIN
            PERFORM pg_advisory_xact_lock(7002, hashtext(p_user_id::text));
            SELECT last_seq INTO up_to FROM notifications.notification_streams WHERE user_id = p_user_id FOR UPDATE;
            IF up_to IS NULL THEN
                RETURN 0;
            END IF;

            PERFORM notifications.lock_counters(array_agg(user_id), array_agg(notification_type::text))
            FROM (
                SELECT DISTINCT user_id, notification_type FROM notifications.notification_counts
                WHERE user_id = p_user_id AND (p_type IS NULL OR notification_type = p_type)
            ) AS kept;

            SELECT array_agg(notification_type::text), array_agg(count) INTO types, unread
            FROM notifications.notification_counts
            WHERE user_id = p_user_id AND NOT is_read AND count > 0 AND (p_type IS NULL OR notification_type = p_type);
            IF types IS NULL THEN
                RETURN 0;
            END IF;

            UPDATE notifications.notification_counts c
            SET count = CASE WHEN c.is_read THEN c.count + moved.count ELSE 0 END
            FROM unnest(types, unread) AS moved(notification_type, count)
            WHERE c.user_id = p_user_id AND c.notification_type = moved.notification_type AND NOT c.is_archived;
            INSERT INTO notifications.read_marks AS m (user_id, notification_type, read_up_to_seq)
            SELECT p_user_id, t, up_to FROM unnest(types) AS t
            ON CONFLICT (user_id, notification_type) DO UPDATE SET read_up_to_seq = greatest(m.read_up_to_seq, excluded.read_up_to_seq);
            RETURN (SELECT sum(c) FROM unnest(unread) AS c);
        END
        $$;

        -- Writes the user's marks into their rows and drops them (before a notification below a mark is marked unread:
        -- a mark would keep it read). Read states do not change, so no counter moves, and the counters' trigger is told
        -- to skip this statement: were the counters locked here, the PATCH that called this would hold them while it
        -- waits for its own row, which a PATCH holding that row and waiting for the counters would never give up.
        CREATE FUNCTION notifications.fold_read_marks(p_user_id bigint) RETURNS void LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_advisory_xact_lock(7002, hashtext(p_user_id::text));
            IF NOT EXISTS (SELECT 1 FROM notifications.read_marks WHERE user_id = p_user_id) THEN
                RETURN;
            END IF;
            PERFORM set_config('notifications.writing_marks', 'on', true);
            UPDATE notifications.notifications n SET is_read = true
            FROM notifications.read_marks m
            WHERE m.user_id = p_user_id AND n.user_id = p_user_id AND n.notification_type = m.notification_type
              AND n.seq <= m.read_up_to_seq AND NOT n.is_read;
            PERFORM set_config('notifications.writing_marks', 'off', true);
            DELETE FROM notifications.read_marks WHERE user_id = p_user_id;
        END
        $$;

        -- The counters count a row as read_by says, before and after an update or at its delete. Rows come in as
        -- stored (own flag, seq); every counter of their users and types is locked first, and only then are the marks
        -- read: a mark-all-read that moved those counters meanwhile has committed its mark by then, and its count
        -- included these rows in the state they had before.
        CREATE FUNCTION notifications.count_rows(
            users bigint[], types text[], own_reads boolean[], seqs bigint[], archived boolean[], deltas int[])
        RETURNS void LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM notifications.lock_counters(users, types);
            UPDATE notifications.notification_counts c SET count = c.count + moved.delta
            FROM (
                SELECT x.u, x.t, notifications.read_by(x.r, x.s, m.read_up_to_seq) AS r, x.a, sum(x.d)::int AS delta
                FROM unnest(users, types, own_reads, seqs, archived, deltas) AS x(u, t, r, s, a, d)
                LEFT JOIN notifications.read_marks m ON m.user_id = x.u AND m.notification_type = x.t
                GROUP BY 1, 2, 3, 4
                HAVING sum(x.d) <> 0
            ) AS moved
            WHERE c.user_id = moved.u AND c.notification_type = moved.t AND c.is_read = moved.r AND c.is_archived = moved.a;
        END
        $$;

        CREATE OR REPLACE FUNCTION notifications.on_states_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF current_setting('notifications.writing_marks', true) = 'on' THEN
                RETURN NULL;
            END IF;
            PERFORM notifications.count_rows(
                array_agg(user_id), array_agg(notification_type::text), array_agg(is_read), array_agg(seq), array_agg(is_archived), array_agg(delta))
            FROM (
                SELECT user_id, notification_type, is_read, seq, is_archived, 1 AS delta FROM new_rows
                UNION ALL
                SELECT user_id, notification_type, is_read, seq, is_archived, -1 FROM old_rows
            ) AS both_states;
            RETURN NULL;
        END
        $$;

        CREATE OR REPLACE FUNCTION notifications.on_notifications_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM notifications.count_rows(
                array_agg(user_id), array_agg(notification_type::text), array_agg(is_read), array_agg(seq), array_agg(is_archived), array_agg(-1))
            FROM old_rows;
            RETURN NULL;
        END
        $$;
        """;

    /// <summary>Undoing ReadMarks: every mark is written into its rows first, so no notification changes state.</summary>
    public const string Uninstall = """
        UPDATE notifications.notifications n SET is_read = true
        FROM notifications.read_marks m
        WHERE n.user_id = m.user_id AND n.notification_type = m.notification_type AND n.seq <= m.read_up_to_seq AND NOT n.is_read;
        DELETE FROM notifications.read_marks;

        """ + Migrations.ArchiveDeleteAndPreferences.DeletedByRow + Migrations.MarkReadInPlace.StatesChangedByGroup + """

        DROP FUNCTION notifications.count_rows(bigint[], text[], boolean[], bigint[], boolean[], integer[]);
        DROP FUNCTION notifications.lock_counters(bigint[], text[]);
        DROP FUNCTION notifications.fold_read_marks(bigint);
        DROP FUNCTION notifications.mark_all_read(bigint, text);
        DROP VIEW notifications.notifications_read_now;
        DROP FUNCTION notifications.read_now(boolean, bigint, text, bigint);
        DROP FUNCTION notifications.read_by(boolean, bigint, bigint);
        """;
}
