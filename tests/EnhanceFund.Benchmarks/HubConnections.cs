using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace EnhanceFund.Benchmarks;

internal static class HubConnections
{
    /// <summary>A started connection to the notifications hub; <paramref name="configure"/> adds handlers before the start.</summary>
    public static async Task<HubConnection> ConnectAsync(Uri hub, string token, Action<HubConnection> configure)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(hub, o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        connection.HandshakeTimeout = TimeSpan.FromMinutes(1);
        // Every connection gets its unread counts: a method without a handler costs the client an exception each.
        connection.On<JsonElement>("unread_count", _ => { });
        configure(connection);
        await connection.StartAsync();
        return connection;
    }
}
