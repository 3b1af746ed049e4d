using EnhanceFund.Notifications.Application;
using EnhanceFund.Notifications.Endpoints.Realtime;
using StackExchange.Redis;

namespace EnhanceFund.Host.Composition;

/// <summary>
/// The newest unread count each user's pushes carry, kept in the backplane's Redis, where every instance's sender
/// records and checks it. One script does both, atomically: no other instance's count can come between a check and
/// its record. A count is kept for a minute, far longer than any push takes.
/// </summary>
internal sealed class RedisUnreadCountOrder(IConnectionMultiplexer redis, string keyPrefix) : IUnreadCountOrder
{
    private const long KeptMilliseconds = 60_000;

    // KEYS[1]: the user's key. ARGV: xmax, in progress, count, milliseconds kept, 1 to record. Answers the recorded
    // count if it is newer than ARGV's (see ReadSnapshot), else nil, having recorded ARGV's if asked to.
    private const string Script = """
        local recorded = redis.call('HMGET', KEYS[1], 'xmax', 'in_progress', 'count')
        if recorded[1] then
            local xmax, inProgress = tonumber(recorded[1]), tonumber(recorded[2])
            local ourXmax, ourInProgress = tonumber(ARGV[1]), tonumber(ARGV[2])
            if xmax > ourXmax or (xmax == ourXmax and inProgress < ourInProgress) then return recorded end
        end
        if ARGV[5] == '1' then
            redis.call('HSET', KEYS[1], 'xmax', ARGV[1], 'in_progress', ARGV[2], 'count', ARGV[3])
            redis.call('PEXPIRE', KEYS[1], ARGV[4])
        end
        return false
        """;

    public Task<VersionedUnreadCount?> RecordAsync(long userId, VersionedUnreadCount count) => RunAsync(userId, count, record: true);

    public Task<VersionedUnreadCount?> NewerThanAsync(long userId, VersionedUnreadCount count) => RunAsync(userId, count, record: false);

    private async Task<VersionedUnreadCount?> RunAsync(long userId, VersionedUnreadCount count, bool record)
    {
        var result = await redis.GetDatabase().ScriptEvaluateAsync(
            Script,
            [new RedisKey($"{keyPrefix}:unread_count:{userId}")],
            [count.ReadIn.Xmax, count.ReadIn.InProgress, count.Count, KeptMilliseconds, record ? 1 : 0]);
        if (result.IsNull) return null;
        var recorded = (RedisValue[])result!;
        return new VersionedUnreadCount((int)recorded[2], new ReadSnapshot((long)recorded[0], (int)recorded[1]));
    }
}
