using System.Net;
using EnhanceFund.IntegrationTests.Infrastructure;
using Npgsql;

namespace EnhanceFund.IntegrationTests;

/// <summary>The per-type counters under read-state changes that race: never a deadlock, always equal to the rows.</summary>
public sealed class CounterRaceTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task Opposite_read_toggles_of_one_type_racing_never_deadlock_and_the_counts_stay_equal_to_the_rows()
    {
        var user = await ApiClient.RegisterAsync(fixture.Http);
        await user.PostAsync("/api/wallet/deposits", new { amount = 1m });
        await user.PostAsync("/api/wallet/deposits", new { amount = 2m });
        var ids = (await user.NotificationsEventuallyAsync(2)).Ids();

        await using var first = new NpgsqlConnection(fixture.Database);
        await using var second = new NpgsqlConnection(fixture.Database);
        await Task.WhenAll(first.OpenAsync(), second.OpenAsync());
        await ExecuteAsync(first, $"UPDATE notifications.notifications SET is_read = true WHERE id = {ids[1]}");

        // One turns read while the other turns unread, both ways round, again and again: the counter rows of both
        // states are locked by each, in the order of its change unless the trigger fixes one.
        for (var round = 0; round < 200; round++)
        {
            var (toRead, toUnread) = round % 2 == 0 ? (ids[0], ids[1]) : (ids[1], ids[0]);
            await Task.WhenAll(
                ExecuteAsync(first, $"UPDATE notifications.notifications SET is_read = true WHERE id = {toRead}"),
                ExecuteAsync(second, $"UPDATE notifications.notifications SET is_read = false WHERE id = {toUnread}"));
        }

        var page = (await user.GetAsync("/api/notifications")).Data;
        var unreadRows = page["notifications"]!.AsArray().Count(n => !n!["is_read"]!.GetValue<bool>());
        Assert.Equal(1, unreadRows);
        Assert.Equal(unreadRows, page["unread_count"]!.GetValue<int>());
        Assert.Equal(2, page["total_count"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, (await user.PatchAsync($"/api/notifications/{ids[0]}", new { is_read = true })).Status);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
