using System.Net;
using EnhanceFund.IntegrationTests.Infrastructure;
using Npgsql;

namespace EnhanceFund.IntegrationTests;

/// <summary>Each user's notifications are numbered 1, 2, 3, ... with no gaps, in commit order, whoever inserts them.</summary>
public sealed class SeqTests(TwoHostsFixture fixture) : IClassFixture<TwoHostsFixture>
{
    [Fact]
    public async Task After_seq_pages_are_the_newer_notifications_oldest_first()
    {
        var user = await ApiClient.RegisterAsync(fixture.Http);
        for (var i = 0; i < 5; i++) await user.PostAsync("/api/wallet/deposits", new { amount = 10m + i });
        var newestFirst = await user.NotificationsEventuallyAsync(5);
        Assert.Equal([5L, 4, 3, 2, 1], newestFirst.Select(n => n!["seq"]!.GetValue<long>()));

        Assert.Equal(new long[] { 1, 2 }, await SeqsAsync(user, "after_seq=0&limit=2"));
        Assert.Equal(new long[] { 3, 4, 5 }, await SeqsAsync(user, "after_seq=2"));
        Assert.Empty(await SeqsAsync(user, "after_seq=5"));
        var page = (await user.GetAsync("/api/notifications?after_seq=3")).Data;
        Assert.Null(page["next_before_id"]);
        Assert.Equal(5, page["unread_count"]!.GetValue<int>());
    }

    [Fact]
    public async Task One_users_notifications_inserted_by_two_instances_at_once_have_every_seq_once_in_id_order()
    {
        const int perInstance = 20;
        var user = await ApiClient.RegisterAsync(fixture.Http);
        var viaOther = user.Via(fixture.Other.Http);
        await Task.WhenAll(Enumerable.Range(0, perInstance).SelectMany(_ => new[]
        {
            user.DepositAsync(1m), viaOther.DepositAsync(1m),
        }));

        var notifications = await user.NotificationsEventuallyAsync(2 * perInstance);
        var byId = notifications.OrderBy(n => n!["id"]!.GetValue<long>()).Select(n => n!["seq"]!.GetValue<long>());
        Assert.Equal(Enumerable.Range(1, 2 * perInstance).Select(i => (long)i), byId);
    }

    [Fact]
    public async Task A_transaction_that_commits_later_takes_the_later_seq_whatever_order_they_started_in()
    {
        var user = await ApiClient.RegisterAsync(fixture.Http);
        await using var first = await NotificationRows.OpenAsync(fixture.Database);
        await using var second = await NotificationRows.OpenAsync(fixture.Database);
        await using var firstTransaction = await first.BeginTransactionAsync();
        await using var secondTransaction = await second.BeginTransactionAsync();

        var firstSeq = await NotificationRows.InsertAsync(first, user.UserId);
        var secondSeq = NotificationRows.InsertAsync(second, user.UserId);
        // The second waits on the user's stream: were it numbered now, it could commit before the first with a larger seq
        // and a client that fetched in between would skip the first for good.
        await new Ledger(fixture.Database).WaitingForAsync(first, 1, "the second insert waiting for the first's commit");
        await firstTransaction.CommitAsync();
        Assert.Equal(firstSeq + 1, await secondSeq.WaitAsync(TimeSpan.FromSeconds(10)));
        await secondTransaction.CommitAsync();
        Assert.Equal(1, firstSeq);
    }

    [Fact]
    public async Task A_notification_that_waited_for_its_users_stream_is_dated_no_earlier_than_the_one_before_it()
    {
        var user = await ApiClient.RegisterAsync(fixture.Http);
        await user.DepositAsync(1m);
        await user.NotificationsEventuallyAsync(1);
        await using var tab = await LiveClient.ConnectAsync(fixture.Host.Address, user.Token);
        await using var holder = await NotificationRows.OpenAsync(fixture.Database);
        await using var transaction = await holder.BeginTransactionAsync();
        await new NpgsqlCommand($"SELECT 1 FROM notifications.notification_streams WHERE user_id = {user.UserId} FOR UPDATE", holder)
            .ExecuteNonQueryAsync();

        // The deposit's consumer dates its notification, then waits for the user's stream, which the test holds as
        // another consumer would until its commit. That other one is dated later and commits first: it takes the seq
        // before the deposit's.
        await user.DepositAsync(2m);
        await new Ledger(fixture.Database).WaitingForAsync(holder, 1, "the deposit's notification waiting for the user's stream");
        await NotificationRows.InsertAsync(holder, user.UserId, createdAt: DateTimeOffset.UtcNow);
        await transaction.CommitAsync();

        var newestFirst = await user.NotificationsEventuallyAsync(3);
        Assert.Equal([3L, 2, 1], newestFirst.Select(n => n!["seq"]!.GetValue<long>()));
        var deposits = newestFirst[0]!["created_at"]!.GetValue<DateTimeOffset>();
        Assert.True(deposits >= newestFirst[1]!["created_at"]!.GetValue<DateTimeOffset>(), "a later seq dated earlier than the one before it");
        var pushed = (await tab.NotificationsEventuallyAsync(1)).Single();
        Assert.Equal(deposits, pushed.GetProperty("created_at").GetDateTimeOffset());
    }

    private static async Task<long[]> SeqsAsync(ApiClient user, string query)
    {
        var response = await user.GetAsync($"/api/notifications?{query}");
        Assert.Equal(HttpStatusCode.OK, response.Status);
        return response.Data["notifications"]!.AsArray().Select(n => n!["seq"]!.GetValue<long>()).ToArray();
    }
}
