using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace EnhanceFund.Benchmarks;

internal static class HubConnections
{
    /// <summary>
    /// A started connection to the notifications hub; <paramref name="configure"/> adds handlers before the start.
    /// <paramref name="webSocketOnly"/> skips the negotiate request: each connection's own HttpClient would keep that
    /// request's socket open beside the WebSocket (a browser's one connection pool does not), two sockets per
    /// connection in the Host instead of one.
    /// </summary>
    public static async Task<HubConnection> ConnectAsync(Uri hub, string token, Action<HubConnection>? configure = null, bool webSocketOnly = false)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(hub, o =>
            {
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                if (!webSocketOnly) return;
                o.SkipNegotiation = true;
                o.Transports = HttpTransportType.WebSockets;
            })
            .Build();
        connection.HandshakeTimeout = TimeSpan.FromMinutes(1);
        // Every connection gets its unread counts: a method without a handler costs the client an exception each.
        connection.On<JsonElement>("unread_count", _ => { });
        configure?.Invoke(connection);
        await connection.StartAsync();
        return connection;
    }
}
