using EnhanceFund.Host.Composition;
using EnhanceFund.IntegrationTests.Infrastructure;
using EnhanceFund.Notifications.Application;
using EnhanceFund.Notifications.Endpoints.Realtime;
using EnhanceFund.Notifications.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using StackExchange.Redis;

namespace EnhanceFund.IntegrationTests;

/// <summary>
/// What orders one user's unread counts across instances: the PostgreSQL snapshot each is read in, and the newest one
/// recorded in Redis, which every instance's sender checks before and after it publishes.
/// </summary>
public sealed class UnreadCountOrderTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task A_count_read_after_a_transaction_commits_is_read_in_a_later_snapshot_than_one_read_while_it_ran()
    {
        var user = await ApiClient.WithNotificationsAsync(fixture.Http, deposits: 2);
        await using var first = await OpenAsync();
        await using var second = await OpenAsync();
        // The first takes a transaction id and stays open; the second takes a later one and commits, so the first is
        // in progress below the snapshot's xmax.
        await ExecuteAsync(first, "BEGIN; SELECT txid_current()");
        await ExecuteAsync(second, "BEGIN; SELECT txid_current(); COMMIT");

        var whileItRan = await ReadAsync(user.UserId, NoSuchUser);
        await ExecuteAsync(first, "COMMIT");
        var after = await ReadAsync(user.UserId);

        Assert.Equal(2, whileItRan[user.UserId].Count);
        Assert.Equal(0, whileItRan[NoSuchUser].Count);
        Assert.True(whileItRan[user.UserId].ReadIn.InProgress >= 1, "the open transaction is in progress in the snapshot");
        Assert.True(after[user.UserId].ReadIn.IsLaterThan(whileItRan[user.UserId].ReadIn));
        Assert.False(whileItRan[user.UserId].ReadIn.IsLaterThan(after[user.UserId].ReadIn));
    }

    [Fact]
    public async Task Redis_records_a_users_newest_count_and_answers_it_to_whoever_holds_an_older_one()
    {
        var order = fixture.Host.Services.GetRequiredService<IUnreadCountOrder>();
        Assert.IsType<RedisUnreadCountOrder>(order);
        // Beyond 2^32, as transaction ids with an epoch are: the script compares them exactly.
        const long xmax = (1L << 40) + 10;
        var (userId, otherUserId) = (-Random.Shared.NextInt64(1, long.MaxValue), -1L);

        Assert.Null(await order.RecordAsync(userId, Count(2, xmax, inProgress: 1)));
        Assert.Equal(Count(2, xmax, 1), await order.RecordAsync(userId, Count(1, xmax - 1, 0)));
        Assert.Equal(Count(2, xmax, 1), await order.RecordAsync(userId, Count(1, xmax, 2)));
        Assert.Null(await order.NewerThanAsync(userId, Count(2, xmax, 1)));
        Assert.Equal(Count(2, xmax, 1), await order.NewerThanAsync(userId, Count(1, xmax - 1, 0)));

        Assert.Null(await order.RecordAsync(userId, Count(3, xmax, 0)));
        Assert.Null(await order.RecordAsync(userId, Count(3, xmax, 0)));
        Assert.Equal(Count(3, xmax, 0), await order.NewerThanAsync(userId, Count(2, xmax, 1)));
        Assert.Null(await order.NewerThanAsync(otherUserId, Count(0, 1, 0)));

        var redis = fixture.Host.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        Assert.InRange(await redis.KeyTimeToLiveAsync($"{fixture.ChannelPrefix}:unread_count:{userId}") ?? TimeSpan.Zero,
            TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task A_tab_that_connects_is_told_its_count_in_order_and_so_are_the_users_other_tabs()
    {
        var user = await ApiClient.WithNotificationsAsync(fixture.Http, deposits: 2);
        await using var first = await LiveClient.ConnectAsync(fixture.Host.Address, user.Token);
        await first.UnreadCountEventuallyAsync(2);
        // A deposit's own count push can still reach the first tab after it connected: counted before the second comes.
        await first.UnreadCountsQuietAsync(TimeSpan.FromMilliseconds(500));
        var toldBefore = first.UnreadCounts.Count;

        await using var second = await LiveClient.ConnectAsync(fixture.Host.Address, user.Token);
        await second.UnreadCountEventuallyAsync(2);
        await Eventually.ReturnsAsync(() => first.UnreadCounts.ToArray(), counts => counts.Length > toldBefore && counts[^1] == 2, "the first tab told again");
    }

    private const long NoSuchUser = -1;

    private static VersionedUnreadCount Count(int count, long xmax, int inProgress) => new(count, new ReadSnapshot(xmax, inProgress));

    private async Task<Dictionary<long, VersionedUnreadCount>> ReadAsync(params long[] userIds)
    {
        using var scope = fixture.Host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<NotificationsDbContext>().VersionedUnreadCountsAsync(userIds, CancellationToken.None);
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(fixture.Database);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
