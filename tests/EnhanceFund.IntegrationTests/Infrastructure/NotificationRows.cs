using Npgsql;
using NpgsqlTypes;

namespace EnhanceFund.IntegrationTests.Infrastructure;

/// <summary>
/// Notifications written in SQL, through the same triggers as the consumers' inserts, on a connection the test holds
/// (so it can keep a transaction open across them).
/// </summary>
public static class NotificationRows
{
    public static async Task<NpgsqlConnection> OpenAsync(string database)
    {
        var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>
    /// Stores one <c>fund_added</c> notification for the user, dated <paramref name="createdAt"/> (else the
    /// transaction's start); answers the seq the trigger gave it.
    /// </summary>
    public static async Task<long> InsertAsync(NpgsqlConnection connection, long userId, bool read = false, DateTimeOffset? createdAt = null)
    {
        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO notifications.notifications
                (user_id, notification_type, title, message, is_read, created_at, related_id, related_type, source_event_id)
            VALUES ($1, 'fund_added', 't', 'm', $2, coalesce($3, now()), 1, 'transaction', gen_random_uuid())
            RETURNING seq
            """, connection);
        insert.Parameters.AddWithValue(userId);
        insert.Parameters.AddWithValue(read);
        insert.Parameters.Add(new NpgsqlParameter { Value = (object?)createdAt ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        return (long)(await insert.ExecuteScalarAsync())!;
    }
}
