using EnhanceFund.IntegrationTests.Infrastructure;

namespace EnhanceFund.IntegrationTests;

/// <summary>The counters follow one statement that changes many notifications in different ways at once.</summary>
public sealed class StatementCounterTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task One_update_that_reads_unreads_archives_and_leaves_rows_of_two_users_and_types_moves_each_counter_by_its_rows()
    {
        var ledger = new Ledger(fixture.Database);
        ApiClient[] users = [await ApiClient.RegisterAsync(fixture.Http), await ApiClient.RegisterAsync(fixture.Http)];
        foreach (var user in users)
        {
            // Rows 1..24 of two types; every third one read.
            await ledger.ExecuteAsync($"""
                INSERT INTO notifications.notifications
                    (user_id, notification_type, title, message, is_read, created_at, related_id, related_type, source_event_id)
                SELECT {user.UserId}, (ARRAY['fund_added', 'loan_funded'])[1 + g % 2], 'Title', 'Message.', g % 3 = 0, now(), g,
                       'transaction', gen_random_uuid()
                FROM generate_series(1, 24) g
                """);
        }

        // One statement, four kinds of row: turned read, turned unread, archived (and so read), matched but unchanged.
        await ledger.ExecuteAsync($"""
            UPDATE notifications.notifications SET
                is_read = CASE related_id % 4 WHEN 0 THEN true WHEN 1 THEN false WHEN 2 THEN true ELSE is_read END,
                is_archived = related_id % 4 = 2
            WHERE user_id IN ({users[0].UserId}, {users[1].UserId})
            """);

        Assert.Equal(0, await ledger.WrongNotificationCountersAsync());
        // Unread now: the six rows turned unread (1, 5, ..., 21), and of the unchanged ones (3, 7, ..., 23) the four
        // that were never read (7, 11, 19, 23).
        foreach (var user in users) Assert.Equal(10, await user.UnreadCountAsync());
    }
}
