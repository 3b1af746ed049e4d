using System.Collections.Concurrent;
using EnhanceFund.Notifications.Application;
using EnhanceFund.Notifications.Endpoints.Realtime;
using Microsoft.Extensions.DependencyInjection;

namespace EnhanceFund.IntegrationTests.Infrastructure;

/// <summary>
/// The dispatcher's sender, losing the notification pushes it is told to lose as a network would: silently, the
/// dispatcher believing them sent (so no resync is owed for them).
/// </summary>
internal sealed class LosingPushSender(IPushSender inner) : IPushSender
{
    private readonly ConcurrentDictionary<(long UserId, long Seq), byte> _toLose = new();

    public ConcurrentQueue<(long UserId, long Seq)> Lost { get; } = new();

    public static void Register(IServiceCollection services)
    {
        services.AddSingleton(provider => new LosingPushSender(provider.GetRequiredService<LivePushSender>()));
        services.AddSingleton<IPushSender>(provider => provider.GetRequiredService<LosingPushSender>());
    }

    private readonly ConcurrentDictionary<long, byte> _changesToDrop = new();

    public void Lose(long userId, long seq) => _toLose.TryAdd((userId, seq), 0);

    /** The user's next change push is dropped as a failed send is: known, so the user is told to resync instead. */
    public void DropNextChangeOf(long userId) => _changesToDrop.TryAdd(userId, 0);

    public Task<string?> NotificationAsync(long userId, NotificationDto notification, CancellationToken cancellationToken)
    {
        if (!_toLose.TryRemove((userId, notification.Seq), out _)) return inner.NotificationAsync(userId, notification, cancellationToken);
        Lost.Enqueue((userId, notification.Seq));
        return Task.FromResult<string?>(null);
    }

    public Task<string?> UnreadCountAsync(long userId, VersionedUnreadCount unreadCount, CancellationToken cancellationToken) =>
        inner.UnreadCountAsync(userId, unreadCount, cancellationToken);

    public Task<string?> ResyncAsync(long userId, CancellationToken cancellationToken) => inner.ResyncAsync(userId, cancellationToken);

    public Task<string?> ChangeAsync(long userId, CenterChange change, CancellationToken cancellationToken) =>
        _changesToDrop.TryRemove(userId, out _)
            ? inner.ResyncAsync(userId, cancellationToken)
            : inner.ChangeAsync(userId, change, cancellationToken);
}
