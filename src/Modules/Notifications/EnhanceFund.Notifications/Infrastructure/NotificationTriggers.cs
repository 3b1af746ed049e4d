namespace EnhanceFund.Notifications.Infrastructure;

/// <summary>
/// Database-side rules of the notifications table, kept in the same transaction as every write so no code path can
/// forget them:
/// <list type="bullet">
/// <item>the per-user, per-type, per-read-state counters move with every insert and read-state change;</item>
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
    /// OrderedCounterLocks: a read-state change moves the unread counter row before the read one, whichever way it
    /// goes. (Before, it moved the old state's row first, so two notifications of one type toggled the opposite ways at
    /// once locked the two rows in opposite orders and could deadlock.)
    /// </summary>
    public const string FunctionWithOrderedCounters = """
        CREATE OR REPLACE FUNCTION notifications.on_notification_written() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'INSERT' THEN
                INSERT INTO notifications.notification_streams AS s (user_id, last_seq) VALUES (NEW.user_id, 1)
                ON CONFLICT (user_id) DO UPDATE SET last_seq = s.last_seq + 1
                RETURNING last_seq INTO NEW.seq;
                NEW.id := nextval(pg_get_serial_sequence('notifications.notifications', 'id'));
                INSERT INTO notifications.notification_counts AS c (user_id, notification_type, is_read, count)
                VALUES (NEW.user_id, NEW.notification_type, NEW.is_read, 1)
                ON CONFLICT (user_id, notification_type, is_read) DO UPDATE SET count = c.count + 1;
            ELSIF NEW.is_read AND NOT OLD.is_read THEN
                UPDATE notifications.notification_counts SET count = count - 1
                WHERE user_id = NEW.user_id AND notification_type = NEW.notification_type AND NOT is_read;
                INSERT INTO notifications.notification_counts AS c (user_id, notification_type, is_read, count)
                VALUES (NEW.user_id, NEW.notification_type, true, 1)
                ON CONFLICT (user_id, notification_type, is_read) DO UPDATE SET count = c.count + 1;
            ELSIF OLD.is_read AND NOT NEW.is_read THEN
                INSERT INTO notifications.notification_counts AS c (user_id, notification_type, is_read, count)
                VALUES (NEW.user_id, NEW.notification_type, false, 1)
                ON CONFLICT (user_id, notification_type, is_read) DO UPDATE SET count = c.count + 1;
                UPDATE notifications.notification_counts SET count = count - 1
                WHERE user_id = NEW.user_id AND notification_type = NEW.notification_type AND is_read;
            END IF;
            RETURN NEW;
        END
        $$;
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
}
