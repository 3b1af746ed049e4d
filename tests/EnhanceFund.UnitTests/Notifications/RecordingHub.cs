using System.Collections.Concurrent;
using EnhanceFund.Notifications.Endpoints.Realtime;
using Microsoft.AspNetCore.SignalR;

namespace EnhanceFund.UnitTests.Notifications;

/// <summary>
/// Stands in for SignalR's hub context: records every send to a user, in order, and can hold the sends (all of them,
/// until released) so that a test can queue more while a worker is busy, or fail them as a backplane that is down.
/// </summary>
internal sealed class RecordingHub : IHubContext<NotificationsHub>
{
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentQueue<(string User, string Method, object? Payload)> Sent { get; } = new();

    public TaskCompletionSource FirstSendStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool Holding { get; set; }

    public bool Failing { get; set; }

    private int _failures;

    public int Failures => Volatile.Read(ref _failures);

    public IHubClients Clients => new UserClients(this);

    public IGroupManager Groups => throw new NotSupportedException();

    public void Release() => _released.TrySetResult();

    /// <summary>Only <c>User</c> is used by the push sender.</summary>
    private sealed class UserClients(RecordingHub hub) : IHubClients
    {
        public IClientProxy User(string userId) => new Proxy(hub, userId);

        public IClientProxy All => throw new NotSupportedException();

        public IClientProxy AllExcept(IReadOnlyList<string> excludedConnectionIds) => throw new NotSupportedException();

        public IClientProxy Client(string connectionId) => throw new NotSupportedException();

        public IClientProxy Clients(IReadOnlyList<string> connectionIds) => throw new NotSupportedException();

        public IClientProxy Group(string groupName) => throw new NotSupportedException();

        public IClientProxy GroupExcept(string groupName, IReadOnlyList<string> excludedConnectionIds) => throw new NotSupportedException();

        public IClientProxy Groups(IReadOnlyList<string> groupNames) => throw new NotSupportedException();

        public IClientProxy Users(IReadOnlyList<string> userIds) => throw new NotSupportedException();
    }

    private sealed class Proxy(RecordingHub hub, string user) : IClientProxy
    {
        public async Task SendCoreAsync(string method, object?[] args, CancellationToken cancellationToken = default)
        {
            hub.FirstSendStarted.TrySetResult();
            if (hub.Holding) await hub._released.Task;
            if (hub.Failing)
            {
                Interlocked.Increment(ref hub._failures);
                throw new InvalidOperationException("The backplane is down");
            }

            hub.Sent.Enqueue((user, method, args.SingleOrDefault()));
        }
    }
}
