namespace EnhanceFund.Notifications.Infrastructure;

/// <summary>
/// Database-side rules of the notifications table, kept in the same transaction as every write so no code path can
/// forget them:
/// <list type="bullet">
/// <item>the per-user, per-type, per-read-state, per-archived-state counters move with every insert (row by row),
/// state change and delete (once per statement);</item>
/// <item>each insert takes the user's next <c>seq</c> from <c>notification_streams</c>. Updating that row locks it to
/// the commit, so one user's notifications are numbered one transaction at a time: seq has no gaps and follows commit
/// order, and so do ids, taken after the lock (a client catching up with <c>after_id</c> or <c>after_seq</c> can
/// never skip a notification that committed after a newer-numbered one).</item>
/// </list>
/// Each version of the function is kept as it was installed: migrations are history, and a Down puts back the
/// version before it.
/// </summary>
internal static class NotificationTriggers
{
    /// <summary>Initial: counters, and an advisory lock per user so that ids follow commit order.</summary>
    public const string FunctionWithIdOrder = """
        CREATE OR REPLACE FUNCTION notifications.on_notification_written() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'INSERT' THEN
                PERFORM pg_advisory_xact_lock(7001, hashtext(NEW.user_id::text));
                NEW.id := nextval(pg_get_serial_sequence('notifications.notifications', 'id'));
            ELSIF NEW.is_read IS NOT DISTINCT FROM OLD.is_read THEN
                RETURN NEW;
            ELSE
                UPDATE notifications.notification_counts SET count = count - 1
                WHERE user_id = OLD.user_id AND notification_type = OLD.notification_type AND is_read = OLD.is_read;
            END IF;
            INSERT INTO notifications.notification_counts AS c (user_id, notification_type, is_read, count)
            VALUES (NEW.user_id, NEW.notification_type, NEW.is_read, 1)
            ON CONFLICT (user_id, notification_type, is_read) DO UPDATE SET count = c.count + 1;
            RETURN NEW;
        END
        $$;
        """;

    /// <summary>PerUserSeq: the stream's row lock replaces the advisory lock and hands out seq.</summary>
    public const string FunctionWithSeq = """
        CREATE OR REPLACE FUNCTION notifications.on_notification_written() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'INSERT' THEN
                INSERT INTO notifications.notification_streams AS s (user_id, last_seq) VALUES (NEW.user_id, 1)
                ON CONFLICT (user_id) DO UPDATE SET last_seq = s.last_seq + 1
                RETURNING last_seq INTO NEW.seq;
                NEW.id := nextval(pg_get_serial_sequence('notifications.notifications', 'id'));
            ELSIF NEW.is_read IS NOT DISTINCT FROM OLD.is_read THEN
                RETURN NEW;
            ELSE
                UPDATE notifications.notification_counts SET count = count - 1
                WHERE user_id = OLD.user_id AND notification_type = OLD.notification_type AND is_read = OLD.is_read;
            END IF;
            INSERT INTO notifications.notification_counts AS c (user_id, notification_type, is_read, count)
            VALUES (NEW.user_id, NEW.notification_type, NEW.is_read, 1)
            ON CONFLICT (user_id, notification_type, is_read) DO UPDATE SET count = c.count + 1;
            RETURN NEW;
        END
        $$;
        """;

    /// <summary>
    /// OrderedCounterLocks, the insert half: seq, id and the counter of the new notification, row by row (each insert
    /// needs its own seq before it is written).
    /// </summary>
    public const string InsertFunction = """
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
    /// OrderedCounterLocks, the read-state half: once per statement, from the rows it changed (its transition tables).
    /// Marking 10,000 read moves two counter rows once, not 20,000 times; and the counter rows a statement moves are
    /// locked in key order (created at 0 first if missing), so two statements toggling one type opposite ways cannot
    /// deadlock, as they could when each row locked its old state's counter first.
    /// </summary>
    public const string ReadStateFunction = """
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

    /// <summary>
    /// ArchiveDeleteAndPreferences: counters are keyed by archived state too, so the insert trigger counts the new notification
    /// under it (always false, but the key must be whole).
    /// </summary>
    public const string InsertFunctionWithArchive = """
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
    /// ArchiveDeleteAndPreferences: updates (read or archived state) and deletes move the counters once per statement, from its
    /// transition tables, through one function that takes the counter rows in key order (created at 0 first if
    /// missing), as <see cref="ReadStateFunction"/> did for read states alone. A mark-all-read, an archive, a delete
    /// and a retention batch on one user's counters wait for each other but never deadlock, and a statement that
    /// deletes 1,000 rows moves each of their counters once.
    /// </summary>
    public const string StateAndDeleteFunctions = """
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

    /// <summary>ArchiveDeleteAndPreferences: a delete takes each row off the counter of its state.</summary>
    public const string DeletedByRow = """
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
    /// ArchiveDeleteAndPreferences: the counter changes of an update, matched row by row. PostgreSQL knows nothing of a
    /// transition table's size or keys, so with a million rows in the table it joined the 10,000 old and new rows of a
    /// mark-all-read in a nested loop (0.7 s). Replaced by <see cref="StatesChangedByGroup"/>.
    /// </summary>
    public const string StatesChangedByRow = """
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

    /// <summary>
    /// MarkReadInPlace: no join. Each new row counts +1 under its key and each old row -1 under its own; a row whose
    /// state did not change cancels itself, so what is left is exactly each counter's move, summed in one pass over
    /// each transition table (and only a handful of counters go on to <c>move_counters</c>).
    /// </summary>
    public const string StatesChangedByGroup = """
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

    public const string DropStateAndDeleteFunctions = """
        DROP TRIGGER IF EXISTS on_notifications_deleted ON notifications.notifications;
        DROP FUNCTION IF EXISTS notifications.on_notifications_deleted();
        DROP TRIGGER IF EXISTS on_states_changed ON notifications.notifications;
        DROP FUNCTION IF EXISTS notifications.on_states_changed();
        DROP FUNCTION IF EXISTS notifications.move_counters(bigint[], text[], boolean[], boolean[], int[]);
        """;

    /// <summary>Undoing ArchiveDeleteAndPreferences: archived notifications become plain (read) ones again, and so do their counts.</summary>
    public const string UnarchiveCounters = """
        INSERT INTO notifications.notification_counts AS c (user_id, notification_type, is_read, is_archived, count)
        SELECT user_id, notification_type, is_read, false, count FROM notifications.notification_counts WHERE is_archived
        ON CONFLICT (user_id, notification_type, is_read, is_archived) DO UPDATE SET count = c.count + excluded.count;
        DELETE FROM notifications.notification_counts WHERE is_archived;
        """;

    public const string DropReadStateFunction = """
        DROP TRIGGER IF EXISTS on_read_states_changed ON notifications.notifications;
        DROP FUNCTION IF EXISTS notifications.on_read_states_changed();
        """;

    public const string Trigger = """
        CREATE TRIGGER on_notification_written
        BEFORE INSERT OR UPDATE OF is_read ON notifications.notifications
        FOR EACH ROW EXECUTE FUNCTION notifications.on_notification_written();
        """;

    /// <summary>Numbers the notifications stored before seq existed, in id order (which was commit order per user).</summary>
    public const string NumberExistingNotifications = """
        UPDATE notifications.notifications n SET seq = numbered.seq
        FROM (SELECT id, row_number() OVER (PARTITION BY user_id ORDER BY id) AS seq FROM notifications.notifications) numbered
        WHERE n.id = numbered.id;
        INSERT INTO notifications.notification_streams (user_id, last_seq)
        SELECT user_id, max(seq) FROM notifications.notifications GROUP BY user_id;
        """;

    public const string Drop = """
        DROP TRIGGER IF EXISTS on_notification_written ON notifications.notifications;
        DROP FUNCTION IF EXISTS notifications.on_notification_written();
        """;

    /// <summary>
    /// UnreadCountNotify: every change of an unread counter tells the instances whose unread count it changed (PostgreSQL
    /// sends the NOTIFY at the commit, only if the change commits, once per user per transaction), so each forgets the
    /// count it kept (then UnreadCountListener). Read counters never change an unread count. Replaced by <see cref="ChangeNotify"/>.
    /// </summary>
    public const string UnreadCountNotify = """
        CREATE FUNCTION notifications.on_unread_counter_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify('notifications_unread_count', NEW.user_id::text);
            RETURN NULL;
        END
        $$;

        CREATE TRIGGER on_unread_counter_changed
        AFTER INSERT OR UPDATE ON notifications.notification_counts
        FOR EACH ROW WHEN (NOT NEW.is_read) EXECUTE FUNCTION notifications.on_unread_counter_changed();
        """;

    public const string DropUnreadCountNotify = """
        DROP TRIGGER IF EXISTS on_unread_counter_changed ON notifications.notification_counts;
        DROP FUNCTION IF EXISTS notifications.on_unread_counter_changed();
        """;

    /// <summary>
    /// NotifyEveryChange: every change of any counter tells the instances whose notifications it changed, so each
    /// forgets the unread count and the first page it kept (<see cref="NotificationChangeListener"/>). Every insert, read
    /// or archive change and delete of a notification moves a counter, so none goes unheard; PostgreSQL sends the NOTIFY
    /// at the commit, only if it commits, once per user per transaction. Replaces <see cref="UnreadCountNotify"/>, which
    /// a read notification archived or deleted did not send.
    /// </summary>
    public const string ChangeNotify = """
        DROP TRIGGER IF EXISTS on_unread_counter_changed ON notifications.notification_counts;
        DROP FUNCTION IF EXISTS notifications.on_unread_counter_changed();

        CREATE FUNCTION notifications.on_counter_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify('notifications_changed', NEW.user_id::text);
            RETURN NULL;
        END
        $$;

        CREATE TRIGGER on_counter_changed
        AFTER INSERT OR UPDATE ON notifications.notification_counts
        FOR EACH ROW EXECUTE FUNCTION notifications.on_counter_changed();
        """;

    public const string DropChangeNotify = """
        DROP TRIGGER IF EXISTS on_counter_changed ON notifications.notification_counts;
        DROP FUNCTION IF EXISTS notifications.on_counter_changed();
        """;

}
