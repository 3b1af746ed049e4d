using EnhanceFund.BuildingBlocks.Web;
using EnhanceFund.BuildingBlocks.Web.Auth;
using EnhanceFund.Notifications.Endpoints.Realtime;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using StackExchange.Redis;

namespace EnhanceFund.Host.Composition;

internal static class Realtime
{
    public static void AddRealtime(this WebApplicationBuilder builder)
    {
        var signalR = builder.Services
            .AddSignalR(o =>
            {
                // Below any sane proxy idle timeout (nginx's default is 60 s), so idle connections stay open.
                o.KeepAliveInterval = TimeSpan.FromSeconds(15);
                o.ClientTimeoutInterval = TimeSpan.FromSeconds(30);
            })
            .AddJsonProtocol(o => ApiJson.Configure(o.PayloadSerializerOptions));

        var redis = builder.Configuration.GetConnectionString("Redis");
        if (!string.IsNullOrWhiteSpace(redis))
        {
            var prefix = builder.Configuration.GetValue("SignalR:ChannelPrefix", "enhancefund")!;
            builder.Services.AddSingleton<IConnectionMultiplexer>(services => Connect(BackplaneOptions(redis, prefix), services));
            builder.Services.AddSingleton<IUnreadCountOrder>(services =>
                new RedisUnreadCountOrder(services.GetRequiredService<IConnectionMultiplexer>(), prefix));
            signalR.AddStackExchangeRedis();
            builder.Services.AddOptions<RedisOptions>().Configure<IServiceProvider>((o, services) =>
                o.ConnectionFactory = _ => Task.FromResult(services.GetRequiredService<IConnectionMultiplexer>()));
        }

        builder.Services.AddSingleton<IUserIdProvider, SubjectUserIdProvider>();
    }

    /// <summary>
    /// Pushes published while this instance's subscription was lost never reach its connections: the live push is told
    /// when the subscription comes back, to ask them to resync.
    /// </summary>
    private static ConnectionMultiplexer Connect(ConfigurationOptions options, IServiceProvider services)
    {
        var multiplexer = ConnectionMultiplexer.Connect(options);
        // Looked up when it happens, not now: the observer sends through SignalR, whose Redis lifetime manager asks for
        // this very multiplexer while it is being built.
        multiplexer.ConnectionRestored += (_, e) =>
        {
            if (e.ConnectionType == ConnectionType.Subscription) services.GetRequiredService<IBackplaneObserver>().SubscriptionRestored();
        };
        return multiplexer;
    }

    /// <summary>
    /// Redis is a backplane, not a dependency: the instance starts and serves without it, a publish while it is away
    /// fails at once instead of queueing until a timeout, and the connection comes back within a second of Redis.
    /// </summary>
    private static ConfigurationOptions BackplaneOptions(string redis, string channelPrefix)
    {
        var options = ConfigurationOptions.Parse(redis);
        options.ChannelPrefix = RedisChannel.Literal(channelPrefix);
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ReconnectRetryPolicy = new LinearRetry(1000);
        return options;
    }

    /// <summary>Addresses SignalR users by the token's <c>sub</c>: the same id the API and notifications use.</summary>
    private sealed class SubjectUserIdProvider : IUserIdProvider
    {
        public string? GetUserId(HubConnectionContext connection) => connection.User?.FindFirst(ClaimNames.Subject)?.Value;
    }
}
