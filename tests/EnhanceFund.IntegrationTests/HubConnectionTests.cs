using EnhanceFund.IntegrationTests.Infrastructure;
using EnhanceFund.Notifications.Application;
using EnhanceFund.Notifications.Endpoints.Realtime;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace EnhanceFund.IntegrationTests;

/// <summary>A Host whose hub cannot tell a new connection its unread count: every connection fails as it opens.</summary>
public sealed class FailingAnnouncementFixture : HostFixture
{
    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddTransient<IPipelineBehavior<AnnounceUnreadCount, Unit>, RefuseAnnouncement>();

    private sealed class RefuseAnnouncement : IPipelineBehavior<AnnounceUnreadCount, Unit>
    {
        public Task<Unit> Handle(AnnounceUnreadCount request, CancellationToken cancellationToken, RequestHandlerDelegate<Unit> next) =>
            throw new InvalidOperationException("The unread count cannot be read (on purpose).");
    }
}

public sealed class HubConnectionTests(FailingAnnouncementFixture fixture) : IClassFixture<FailingAnnouncementFixture>
{
    /// <summary>
    /// SignalR closes a connection whose hub failed to open it and never tells the hub it disconnected: a connection
    /// kept as open would be told to resync at every backplane recovery, through Redis, for as long as the instance runs.
    /// </summary>
    [Fact]
    public async Task A_connection_that_failed_to_open_is_not_kept_among_the_instances_connections()
    {
        var user = await ApiClient.RegisterAsync(fixture.Http);
        var connections = fixture.Host.Services.GetRequiredService<LocalConnections>();

        await using var live = await LiveClient.ConnectAsync(fixture.Host.Address, user.Token);
        await live.Closed.Task.WaitAsync(TimeSpan.FromSeconds(15));

        Assert.Empty(connections.Ids);
    }
}
