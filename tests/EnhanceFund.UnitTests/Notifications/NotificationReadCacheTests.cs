using System.Diagnostics.Metrics;
using EnhanceFund.Notifications.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace EnhanceFund.UnitTests.Notifications;

public sealed class NotificationReadCacheTests
{
    private readonly NotificationReadCache _cache = new(
        new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>(), maxUsers: 3, maxFirstPages: 3);
    private int _reads;

    public NotificationReadCacheTests() => _cache.Listening();

    [Fact]
    public async Task A_count_is_read_once_and_kept_until_that_user_is_forgotten()
    {
        Assert.Equal(5, await GetAsync(1, 5));
        Assert.Equal(5, await GetAsync(1, 6));
        Assert.Equal(1, _reads);

        _cache.Forget(2);
        Assert.Equal(5, await GetAsync(1, 6));
        _cache.Forget(1);
        Assert.Equal(6, await GetAsync(1, 6));
        Assert.Equal(2, _reads);
    }

    [Fact]
    public async Task A_count_read_while_a_change_of_that_user_was_heard_is_served_but_not_kept()
    {
        // The change is heard while PostgreSQL's answer, from before it, is on its way.
        Assert.Equal(5, await _cache.GetUnreadCountAsync(1, _ => { _cache.Forget(1); _reads++; return Task.FromResult(5); }, default));

        Assert.Equal(4, await GetAsync(1, 4));
        Assert.Equal(2, _reads);
    }

    [Fact]
    public async Task Nothing_is_kept_while_not_listening_nor_what_was_read_as_listening_stopped()
    {
        await GetAsync(1, 5);
        _cache.NotListening();
        Assert.Equal(6, await GetAsync(1, 6));
        Assert.Equal(7, await GetAsync(1, 7));

        _cache.Listening();
        Assert.Equal(8, await _cache.GetUnreadCountAsync(1, _ => { _cache.NotListening(); _cache.Listening(); _reads++; return Task.FromResult(8); }, default));
        Assert.Equal(9, await GetAsync(1, 9));
        Assert.Equal(5, _reads);
    }

    [Fact]
    public async Task Past_its_size_it_keeps_no_more_users_but_still_answers()
    {
        for (var user = 1; user <= 4; user++) await GetAsync(user, user);
        _reads = 0;
        // The database now says 0 for everyone: the three kept answer from memory, the fourth from the database.
        var answers = await Task.WhenAll(Enumerable.Range(1, 4).Select(user => GetAsync(user, 0)));
        Assert.Equal([1, 2, 3, 0], answers);
        Assert.Equal(1, _reads);
    }

    [Fact]
    public async Task A_first_page_is_kept_for_its_limit_and_forgotten_with_the_count()
    {
        var page = new object();
        Assert.Same(page, await GetPageAsync(1, limit: 20, page));
        Assert.Same(page, await GetPageAsync(1, limit: 20, new object()));
        Assert.Equal(1, _reads);

        // Another limit is another page: read, and kept in its place.
        var larger = new object();
        Assert.Same(larger, await GetPageAsync(1, limit: 50, larger));
        Assert.Equal(2, _reads);

        await GetAsync(1, 5);
        _cache.Forget(1);
        var changed = new object();
        Assert.Same(changed, await GetPageAsync(1, limit: 50, changed));
        Assert.Equal(6, await GetAsync(1, 6));
        Assert.Equal(5, _reads);
    }

    private Task<object> GetPageAsync(long userId, int limit, object inDatabase) =>
        _cache.GetFirstPageAsync(userId, limit, _ => { _reads++; return Task.FromResult(inDatabase); }, default);

    private Task<int> GetAsync(long userId, int inDatabase) =>
        _cache.GetUnreadCountAsync(userId, _ => { _reads++; return Task.FromResult(inDatabase); }, default);
}
