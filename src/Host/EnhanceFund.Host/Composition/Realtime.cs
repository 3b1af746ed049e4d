using EnhanceFund.BuildingBlocks.Web;
using EnhanceFund.BuildingBlocks.Web.Auth;
using Microsoft.AspNetCore.SignalR;
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
            signalR.AddStackExchangeRedis(redis, o => o.Configuration.ChannelPrefix = RedisChannel.Literal(prefix));
        }

        builder.Services.AddSingleton<IUserIdProvider, SubjectUserIdProvider>();
    }

    /// <summary>Addresses SignalR users by the token's <c>sub</c>: the same id the API and notifications use.</summary>
    private sealed class SubjectUserIdProvider : IUserIdProvider
    {
        public string? GetUserId(HubConnectionContext connection) => connection.User?.FindFirst(ClaimNames.Subject)?.Value;
    }
}
