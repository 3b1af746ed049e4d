namespace EnhanceFund.Notifications.Infrastructure;

/// <summary>
/// Database-side rules of the notifications table, installed by the Initial migration:
/// <list type="bullet">
/// <item>the per-user, per-type, per-read-state counters move in the same transaction as every insert and
/// read-state change, so no code path can forget them;</item>
/// <item>one user's notifications take their ids one transaction at a time (an advisory lock per user held to
/// the commit), so ids follow commit order and a client catching up with <c>after_id</c> can never skip a
/// notification that committed after a newer-numbered one.</item>
/// </list>
/// </summary>
internal static class NotificationTriggers
{
    public const string Create = """
        CREATE FUNCTION notifications.on_notification_written() RETURNS trigger LANGUAGE plpgsql AS $$
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

        CREATE TRIGGER on_notification_written
        BEFORE INSERT OR UPDATE OF is_read ON notifications.notifications
        FOR EACH ROW EXECUTE FUNCTION notifications.on_notification_written();
        """;

    public const string Drop = """
        DROP TRIGGER IF EXISTS on_notification_written ON notifications.notifications;
        DROP FUNCTION IF EXISTS notifications.on_notification_written();
        """;
}
