using System.Text.RegularExpressions;
using EnhanceFund.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EnhanceFund.IntegrationTests.Browser;

/// <summary>
/// The page holds every notification REST holds, even when pushes are lost while its connection stays up: the server's
/// <c>resync</c> and a pushed <c>seq</c> that skips some both make it fetch <c>after_seq</c>, without a reload. And
/// on that resync the list it shows is reloaded: a notification deleted while its push was lost leaves it, even the
/// newest.
/// Each test has a Host of its own on a Redis of its own, which it may take away.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MissedPushTests(Chromium chromium) : IAsyncLifetime
{
    // Records every connection state the page goes through from now on, and marks the document to detect a reload.
    private const string WatchConnection = """
        () => {
          window.sameDocument = true;
          window.connectionStates = [];
          const status = document.querySelector('[data-testid=connection-status]');
          new MutationObserver(() => window.connectionStates.push(status.dataset.state))
            .observe(status, { attributes: true, attributeFilter: ['data-state'] });
        }
        """;

    private PrivateRedis _redis = null!;
    private string _database = "";
    private TestHost _host = null!;
    private IBrowserContext _context = null!;

    public async Task InitializeAsync()
    {
        var servers = await TestServers.GetAsync();
        _redis = await PrivateRedis.StartAsync();
        _database = await servers.CreateDatabaseAsync();
        _host = await TestHost.StartAsync(_database, _redis.ConnectionString, $"missed-{Guid.NewGuid():N}");
        _context = await chromium.NewContextAsync(_host.Address);
    }

    public async Task DisposeAsync()
    {
        await _context.DisposeAsync();
        await _host.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task Pushes_dropped_while_Redis_was_down_are_fetched_on_the_servers_resync_without_a_reconnect_or_a_reload()
    {
        var user = await ApiClient.RegisterAsync(_host.Http);
        await user.DepositAsync(1m);
        await user.NotificationsEventuallyAsync(1);
        var app = await WebApp.SignInAsync(_context, user.Email);
        await app.ExpectUnreadAsync(1);
        await app.OpenNotificationsAsync();
        await app.Page.EvaluateAsync(WatchConnection);
        await user.DepositAsync(2m);
        await app.ExpectUnreadAsync(2);

        // The page stays connected to the Host, which needs no Redis for that; the pushes go through the backplane.
        await _redis.StopAsync();
        for (var i = 3; i <= 6; i++) await user.DepositAsync(i);
        await user.NotificationsEventuallyAsync(6);
        // Stored, but pushed to nobody: otherwise this test would prove nothing.
        await app.ExpectUnreadAsync(2);
        Assert.Equal(2, (await app.ListedAsync()).Count);

        // No deposit from here on, so no push whose seq could reveal the gap: only the server's resync can.
        await _redis.StartAgainAsync();
        await PageEventuallyShowsWhatRestHoldsAsync(app, user);

        // Four at once are one summary toast, not four cards.
        await Expect(app.Toasts.Filter(new() { HasText = "4 new notifications" })).ToHaveCountAsync(1);
        await Expect(app.Toasts.Filter(new() { HasTextRegex = new Regex(@"credited with \$[3-6]\.00") })).ToHaveCountAsync(0);
        Assert.Empty(await app.Page.EvaluateAsync<string[]>("() => window.connectionStates"));
        Assert.True(await app.Page.EvaluateAsync<bool>("() => window.sameDocument === true"), "the page was reloaded");
        Assert.Empty(app.PageErrors);
    }

    [Fact]
    public async Task A_push_whose_seq_skips_one_makes_the_page_fetch_the_one_it_skipped()
    {
        var user = await ApiClient.RegisterAsync(_host.Http);
        var catchUps = 0;
        _context.Response += (_, response) =>
        {
            if (response.Url.Contains("after_seq=", StringComparison.Ordinal)) Interlocked.Increment(ref catchUps);
        };
        var app = await WebApp.SignInAsync(_context, user.Email);
        await app.OpenNotificationsAsync();
        // The catch-up after the connect has been answered, so it cannot be what brings the one inserted below.
        await Eventually.ReturnsAsync(() => Volatile.Read(ref catchUps), n => n >= 1, "the catch-up after the connect");
        await app.Page.EvaluateAsync(WatchConnection);

        // Stored and never pushed (seq 1), as when a push is lost on the way. Already read, so the unread count pushed
        // with the next one still adds up, and the page has no reason to reload its list but the seq.
        await InsertUnpushedReadNotificationAsync(user.UserId);
        await user.DepositAsync(5m);

        var listed = await PageEventuallyShowsWhatRestHoldsAsync(app, user);
        Assert.Equal(2, listed.Count);
        Assert.Empty(await app.Page.EvaluateAsync<string[]>("() => window.connectionStates"));
        Assert.Empty(app.PageErrors);
    }

    /// <summary>The list (ids, newest first, and read states) and the badge, as REST has them: polled until they agree.</summary>
    private static async Task<IReadOnlyList<ListedNotification>> PageEventuallyShowsWhatRestHoldsAsync(WebApp app, ApiClient user)
    {
        IReadOnlyList<ListedNotification> listed = [];
        await Eventually.ReturnsAsync<(string Stored, string Shown)>(
            async () =>
            {
                var rest = await user.GetAsync("/api/notifications?limit=200");
                var stored = rest.Data["notifications"]!.AsArray()
                    .Select(n => $"{n!["id"]}{(n["is_read"]!.GetValue<bool>() ? "" : "*")}");
                listed = await app.ListedAsync();
                return (
                    Stored: $"{string.Join(",", stored)} unread {rest.Data["unread_count"]}",
                    Shown: $"{string.Join(",", listed.Select(n => $"{n.Id}{(n.Unread ? "*" : "")}"))} unread {await app.Badge.TextContentAsync()}");
            },
            seen => seen.Stored == seen.Shown, "the page to show what REST holds", TimeSpan.FromSeconds(30));
        return listed;
    }

    private async Task InsertUnpushedReadNotificationAsync(long userId) =>
        Assert.Equal(1, await new Ledger(_database).ExecuteAsync(
            $"""
            INSERT INTO notifications.notifications (user_id, notification_type, title, message, is_read, created_at, source_event_id)
            VALUES ({userId}, 'fund_added', 'Funds Added', 'Stored by the test, never pushed.', true, now(), gen_random_uuid())
            """));

    [Fact]
    public async Task The_newest_notification_deleted_while_its_push_was_lost_leaves_the_list_on_resync()
    {
        var user = await ApiClient.RegisterAsync(_host.Http);
        await user.DepositAsync(1m);
        await user.DepositAsync(2m);
        var stored = (await user.NotificationsEventuallyAsync(2)).Ids();
        var app = await WebApp.SignInAsync(_context, user.Email);
        await app.OpenNotificationsAsync();
        Assert.Equal(stored, (await app.ListedAsync()).Select(n => n.Id));

        // Deleted through REST while the push that says so goes nowhere.
        await _redis.StopAsync();
        var newest = stored[0];
        Assert.Equal(System.Net.HttpStatusCode.OK, (await user.DeleteAsync($"/api/notifications/{newest}")).Status);
        await Expect(app.Item(newest)).ToBeVisibleAsync();

        // The server's resync makes the page reload its list, which must then hold exactly what is stored.
        await _redis.StartAgainAsync();
        await Expect(app.Item(newest)).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        Assert.Equal(stored.Skip(1), (await app.ListedAsync()).Select(n => n.Id));
        Assert.Empty(app.PageErrors);
    }
}
