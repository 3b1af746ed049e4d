using EnhanceFund.Notifications.Domain;
using Npgsql;

namespace EnhanceFund.Notifications.Infrastructure;

/// <summary>
/// A notification as stored: the id, seq and time PostgreSQL gave it (the time is its consumer's unless the user's
/// stream already handed out a later one), and whether its user wants it pushed live.
/// </summary>
internal sealed record StoredNotification(Notification Notification, long Id, long Seq, DateTimeOffset CreatedAt, bool Live);

/// <summary>
/// A notifying consumer's whole transaction in one round trip: its inbox rows and its notifications, sent as one batch
/// without BEGIN, which PostgreSQL runs as one implicit transaction (a statement that fails rolls back the ones before
/// it). EF would take three round trips: preferences, inserts, commit. The
/// live path spends most of its time waiting on them, and here each round trip is a hop between processes on shared
/// cores.
/// </summary>
internal static class NotificationBatchSql
{
    private const string InsertInbox = """
        INSERT INTO notifications.inbox_messages (event_id, consumer, processed_at)
        SELECT * FROM unnest($1::uuid[], $2::text[], $3::timestamptz[])
        """;

    /// <summary>
    /// The user's preferences decide, as the statement's one snapshot has them: a type turned off in the list is not
    /// stored, one turned off live is stored and not pushed (a user without a row for a type has both on). Inserted in
    /// user order (each user in event order): the insert trigger locks each recipient until the commit, and
    /// transactions that lock users in one order cannot deadlock.
    /// </summary>
    private const string InsertNotifications = """
        INSERT INTO notifications.notifications
            (user_id, notification_type, title, message, related_id, related_type, source_event_id, created_at, is_read, is_archived)
        SELECT n.user_id, n.notification_type, n.title, n.message, n.related_id, n.related_type, n.source_event_id, n.created_at, false, false
        FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::text[], $7::uuid[], $8::timestamptz[]) WITH ORDINALITY
            AS n(user_id, notification_type, title, message, related_id, related_type, source_event_id, created_at, position)
        LEFT JOIN notifications.notification_preferences p ON p.user_id = n.user_id AND p.notification_type = n.notification_type
        WHERE p.in_app IS DISTINCT FROM false
        ORDER BY n.user_id, n.position
        RETURNING id, seq, created_at, user_id, notification_type, source_event_id, coalesce(
            (SELECT p.live FROM notifications.notification_preferences p
             WHERE p.user_id = notifications.user_id AND p.notification_type = notifications.notification_type), true)
        """;

    public static Task<List<StoredNotification>> StoreAsync(
        this NotificationsDbContext db, IReadOnlyList<InboxMessage> inbox, IReadOnlyList<Notification> notifications,
        CancellationToken cancellationToken)
    {
        return db.OnConnectionAsync(
            async connection =>
            {
                await using var batch = new NpgsqlBatch(connection)
                {
                    BatchCommands =
                    {
                        DirectSql.BatchCommand(InsertInbox, inbox.Select(m => m.EventId).ToArray(), inbox.Select(m => m.Consumer).ToArray(), inbox.Select(m => m.ProcessedAt).ToArray()),
                        DirectSql.BatchCommand(InsertNotifications,
                            notifications.Select(n => n.UserId).ToArray(), notifications.Select(n => n.Type).ToArray(),
                            notifications.Select(n => n.Title).ToArray(), notifications.Select(n => n.Message).ToArray(),
                            notifications.Select(n => n.RelatedId).ToArray(), notifications.Select(n => n.RelatedType).ToArray(),
                            notifications.Select(n => n.SourceEventId).ToArray(), notifications.Select(n => n.CreatedAt).ToArray()),
                    },
                };
                await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
                var byKey = notifications.ToDictionary(n => (n.SourceEventId, n.UserId, n.Type));
                var stored = new List<StoredNotification>(notifications.Count);
                while (await reader.ReadAsync(cancellationToken))
                {
                    var notification = byKey[(reader.GetGuid(5), reader.GetInt64(3), reader.GetString(4))];
                    stored.Add(new StoredNotification(
                        notification, reader.GetInt64(0), reader.GetInt64(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetBoolean(6)));
                }

                return stored;
            },
            cancellationToken);
    }
}
