using System.Net;
using EnhanceFund.IntegrationTests.Infrastructure;

namespace EnhanceFund.IntegrationTests;

/// <summary>
/// Each instance keeps unread counts and first pages between changes and hears every change from PostgreSQL: what
/// one instance serves is never left behind a change made through another, a job, or while it could not hear.
/// </summary>
public sealed class NotificationReadCacheTests(TwoHostsFixture fixture) : IClassFixture<TwoHostsFixture>
{
    private readonly Ledger _ledger = new(fixture.Database);

    [Fact]
    public async Task A_count_kept_by_one_instance_follows_changes_made_through_the_other()
    {
        var onA = await ApiClient.WithNotificationsAsync(fixture.Http, deposits: 2);
        var onB = onA.Via(fixture.Other.Http);
        await Eventually.ReturnsAsync(_ledger.ChangeListenersAsync, n => n == 2, "both instances listening");
        Assert.Equal(2, await onB.UnreadCountAsync());
        var fromCache = await CacheReadsAsync(fixture.Other.Http);
        Assert.Equal(2, await onB.UnreadCountAsync());
        // Polled: the exporter caches its answer for a moment.
        await Eventually.ReturnsAsync(() => CacheReadsAsync(fixture.Other.Http), n => n > fromCache, "the second read served from B's memory");

        var first = (await onA.NotificationsAsync())[0]!["id"]!.GetValue<long>();
        Assert.Equal(HttpStatusCode.OK, (await onA.PatchAsync($"/api/notifications/{first}", new { is_read = true })).Status);
        await Eventually.ReturnsAsync(onB.UnreadCountAsync, n => n == 1, "B to serve the count after A's change", TimeSpan.FromSeconds(5));

        Assert.Equal(HttpStatusCode.Created, (await onA.DepositAsync(5m)).Status);
        await Eventually.ReturnsAsync(onB.UnreadCountAsync, n => n == 2, "B to serve the count after a new notification", TimeSpan.FromSeconds(5));

        Assert.Equal(HttpStatusCode.OK, (await onA.PostAsync("/api/notifications/mark-all-read")).Status);
        await Eventually.ReturnsAsync(onB.UnreadCountAsync, n => n == 0, "B to serve the count after mark-all-read", TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_first_page_kept_by_one_instance_follows_changes_made_through_the_other_unread_count_or_not()
    {
        var onA = await ApiClient.WithNotificationsAsync(fixture.Http, deposits: 3);
        var onB = onA.Via(fixture.Other.Http);
        await Eventually.ReturnsAsync(_ledger.ChangeListenersAsync, n => n == 2, "both instances listening");
        var ids = (await onB.NotificationsAsync()).Ids();
        var fromCache = await FirstPagesFromCacheAsync(fixture.Other.Http);
        Assert.Equal(ids, (await onB.NotificationsAsync()).Ids());
        await Eventually.ReturnsAsync(() => FirstPagesFromCacheAsync(fixture.Other.Http), n => n > fromCache, "the second page served from B's memory");

        // Changes that leave the unread count as it was: a read notification archived, another deleted.
        Assert.Equal(HttpStatusCode.OK, (await onA.PatchAsync($"/api/notifications/{ids[0]}", new { is_read = true })).Status);
        Assert.Equal(HttpStatusCode.OK, (await onA.PatchAsync($"/api/notifications/{ids[1]}", new { is_read = true })).Status);
        await Eventually.ReturnsAsync(() => onB.NotificationsAsync(), page => page.Count(n => n!["is_read"]!.GetValue<bool>()) == 2, "B to show both read", TimeSpan.FromSeconds(5));
        Assert.Equal(HttpStatusCode.OK, (await onA.PatchAsync($"/api/notifications/{ids[0]}", new { is_archived = true })).Status);
        await Eventually.ReturnsAsync(async () => (await onB.NotificationsAsync()).Ids(), page => !page.Contains(ids[0]), "B to drop the archived one", TimeSpan.FromSeconds(5));
        Assert.Equal(HttpStatusCode.OK, (await onA.DeleteAsync($"/api/notifications/{ids[1]}")).Status);
        await Eventually.ReturnsAsync(async () => (await onB.NotificationsAsync()).Ids(), page => page.SequenceEqual([ids[2]]), "B to drop the deleted one", TimeSpan.FromSeconds(5));

        Assert.Equal(HttpStatusCode.Created, (await onA.DepositAsync(5m)).Status);
        await Eventually.ReturnsAsync(async () => (await onB.NotificationsAsync()).Ids(), page => page.Length == 2, "B to show the new one", TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task An_instance_that_lost_its_listening_connection_serves_no_stale_count_and_keeps_counts_again_once_back()
    {
        var onA = await ApiClient.WithNotificationsAsync(fixture.Http, deposits: 1);
        await Eventually.ReturnsAsync(_ledger.ChangeListenersAsync, n => n == 2, "both instances listening");
        Assert.Equal(1, await onA.UnreadCountAsync());
        Assert.Equal(1, await onA.UnreadCountAsync());

        // Both listening connections cut; the change below is made in SQL, as an operator's fix would be, so that no
        // request of either instance hears of it: only PostgreSQL's NOTIFY (lost meanwhile) would have told A.
        Assert.Equal(2, await _ledger.CutChangeListenersAsync());
        await _ledger.ExecuteAsync($"UPDATE notifications.notifications SET is_read = true WHERE user_id = {onA.UserId}");
        await Eventually.ReturnsAsync(onA.UnreadCountAsync, n => n == 0, "A to serve the count changed while it could not hear", TimeSpan.FromSeconds(5));

        await Eventually.ReturnsAsync(_ledger.ChangeListenersAsync, n => n == 2, "both instances listening again");
        var fromCache = await CacheReadsAsync(fixture.Http);
        Assert.Equal(0, await onA.UnreadCountAsync());
        Assert.Equal(0, await onA.UnreadCountAsync());
        await Eventually.ReturnsAsync(() => CacheReadsAsync(fixture.Http), n => n > fromCache, "counts kept again once listening");
        await _ledger.ExecuteAsync($"UPDATE notifications.notifications SET is_read = false WHERE user_id = {onA.UserId}");
        await Eventually.ReturnsAsync(onA.UnreadCountAsync, n => n == 1, "A to hear the change again", TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Racing_toggles_on_both_instances_leave_each_serving_the_true_count()
    {
        var users = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => ApiClient.WithNotificationsAsync(fixture.Http, deposits: 4)));
        var ids = await Task.WhenAll(users.Select(async u => (await u.NotificationsAsync()).Ids()));
        await Eventually.ReturnsAsync(_ledger.ChangeListenersAsync, n => n == 2, "both instances listening");

        // Writers toggle through both instances while readers fill both instances' memories.
        var until = DateTime.UtcNow.AddSeconds(3);
        var work = users.SelectMany((user, u) => new[]
        {
            Task.Run(async () =>
            {
                for (var i = 0; DateTime.UtcNow < until; i++)
                {
                    var via = i % 2 == 0 ? user : user.Via(fixture.Other.Http);
                    var response = await via.PatchAsync($"/api/notifications/{ids[u][i % ids[u].Length]}", new { is_read = i / ids[u].Length % 2 == 0 });
                    Assert.Equal(HttpStatusCode.OK, response.Status);
                }
            }),
            Task.Run(async () =>
            {
                while (DateTime.UtcNow < until)
                {
                    await user.UnreadCountAsync();
                    await user.Via(fixture.Other.Http).UnreadCountAsync();
                }
            }),
        });
        await Task.WhenAll(work);

        foreach (var user in users)
        {
            var truth = await _ledger.CountAsync($"SELECT count(*) FROM notifications.notifications WHERE user_id = {user.UserId} AND NOT is_read");
            foreach (var via in new[] { user, user.Via(fixture.Other.Http) })
            {
                await Eventually.ReturnsAsync(via.UnreadCountAsync, n => n == truth, $"the true count {truth}", TimeSpan.FromSeconds(5));
                // And it stays so: a count read before the last change and kept after it would show here.
                await Task.Delay(200);
                Assert.Equal(truth, await via.UnreadCountAsync());
            }
        }
    }

    private static async Task<double> FirstPagesFromCacheAsync(HttpClient instance) =>
        await PrometheusScrape.ValueAsync(instance, "notifications_first_page_reads_total", ("source", "cache")) ?? 0;

    private static async Task<double> CacheReadsAsync(HttpClient instance) =>
        await PrometheusScrape.ValueAsync(instance, "notifications_unread_count_reads_total", ("source", "cache")) ?? 0;
}

/// <summary>
/// The instance that made a change answers the next request with the new count at once, without waiting for
/// PostgreSQL's NOTIFY: here the NOTIFY is silenced, so only the requests and consumers forgetting counts themselves
/// keep the answers right.
/// </summary>
public sealed class NotificationReadYourWritesTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private readonly Ledger _ledger = new(fixture.Database);

    [Fact]
    public async Task Without_any_NOTIFY_each_change_and_each_push_is_followed_by_the_new_count_on_the_same_instance()
    {
        var user = await ApiClient.WithNotificationsAsync(fixture.Http, deposits: 2);
        await using var live = await LiveClient.ConnectAsync(fixture.Host.Address, user.Token);
        // Listening, so that counts are kept: otherwise every answer would come from PostgreSQL and prove nothing.
        await Eventually.ReturnsAsync(_ledger.ChangeListenersAsync, n => n == 1, "the instance listening");
        Assert.Equal(2, await user.UnreadCountAsync());
        Assert.Equal(2, await user.UnreadCountAsync());
        await SilenceNotifyAsync();

        var ids = (await user.NotificationsAsync()).Ids();
        Assert.Equal(HttpStatusCode.OK, (await user.PatchAsync($"/api/notifications/{ids[0]}", new { is_read = true })).Status);
        Assert.Equal(1, await user.UnreadCountAsync());

        // A tab that hears a new notification and asks for its badge gets the count that includes it. Heard: the push
        // of this deposit's, not a late one of the deposits before the tab connected.
        var deposit = await user.DepositAsync(5m);
        await live.NotificationAboutEventuallyAsync(deposit.Data["transaction"]!["id"]!.GetValue<long>());
        Assert.Equal(2, await user.UnreadCountAsync());

        Assert.Equal(HttpStatusCode.OK, (await user.DeleteAsync($"/api/notifications/{ids[1]}")).Status);
        Assert.Equal(1, await user.UnreadCountAsync());

        Assert.Equal(HttpStatusCode.OK, (await user.PostAsync("/api/notifications/mark-all-read")).Status);
        Assert.Equal(0, await user.UnreadCountAsync());

        // The first page too, after changes that leave the count as it was: a read one archived, another deleted.
        var page = (await user.NotificationsAsync()).Ids();
        Assert.Equal(2, page.Length);
        Assert.Equal(page, (await user.NotificationsAsync()).Ids());
        Assert.Equal(HttpStatusCode.OK, (await user.PatchAsync($"/api/notifications/{page[0]}", new { is_archived = true })).Status);
        Assert.Equal(page[1..], (await user.NotificationsAsync()).Ids());
        Assert.Equal(HttpStatusCode.OK, (await user.DeleteAsync($"/api/notifications/{page[1]}")).Status);
        Assert.Equal(page[2..], (await user.NotificationsAsync()).Ids());
    }

    /// <summary>The counters' NOTIFY trigger does nothing from now on: the listener stays connected and hears nothing.</summary>
    private Task SilenceNotifyAsync() => _ledger.ExecuteAsync(
        """
        CREATE OR REPLACE FUNCTION notifications.on_counter_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RETURN NULL;
        END
        $$;
        """);
}
