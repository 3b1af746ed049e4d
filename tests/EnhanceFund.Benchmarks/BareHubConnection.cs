using System.Net.WebSockets;
using System.Text;

namespace EnhanceFund.Benchmarks;

/// <summary>
/// One idle hub connection, held as cheaply as a client can hold it: a WebSocket, SignalR's JSON handshake, a ping
/// when <see cref="PingAsync"/> is called (every SignalR client pings after 15 s with nothing else to say, and the Host
/// closes a connection silent for 30 s), and whatever the Host sends read and dropped. The Host does for it all it
/// does for a browser's idle tab. A <c>HubConnection</c> each, with its own timers and pipes, cost the holder a sixth
/// of a core for 10,000: CPU taken from the Host on the cores they share, which clients on their own machines would
/// not take.
/// </summary>
internal sealed class BareHubConnection : IAsyncDisposable
{
    private const char RecordSeparator = '\u001e';
    private static readonly ReadOnlyMemory<byte> Handshake = Encoding.UTF8.GetBytes($$"""{"protocol":"json","version":1}{{RecordSeparator}}""");
    private static readonly ReadOnlyMemory<byte> Ping = Encoding.UTF8.GetBytes($$"""{"type":6}{{RecordSeparator}}""");

    private readonly ClientWebSocket _socket = new();
    private readonly CancellationTokenSource _closing = new();
    private Task _reading = Task.CompletedTask;

    private BareHubConnection() { }

    /// <summary>Connects with the user's token, completes the handshake, and starts reading (and dropping) what arrives.</summary>
    public static async Task<BareHubConnection> ConnectAsync(Uri hub, string token)
    {
        var connection = new BareHubConnection();
        var socket = connection._socket;
        socket.Options.SetRequestHeader("Authorization", $"Bearer {token}");
        socket.Options.KeepAliveInterval = Timeout.InfiniteTimeSpan;
        await socket.ConnectAsync(new UriBuilder(hub) { Scheme = hub.Scheme == "https" ? "wss" : "ws" }.Uri, CancellationToken.None);
        await socket.SendAsync(Handshake, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        var buffer = new byte[256];
        var answer = await socket.ReceiveAsync(buffer.AsMemory(), CancellationToken.None);
        var text = Encoding.UTF8.GetString(buffer, 0, answer.Count);
        if (!text.StartsWith("{}", StringComparison.Ordinal))
            throw new InvalidOperationException($"The hub refused the handshake: {text}");
        connection._reading = connection.DropIncomingAsync(buffer);
        return connection;
    }

    /// <summary>A keep-alive ping, as a client with nothing else to say sends one.</summary>
    public Task PingAsync() => _socket.SendAsync(Ping, WebSocketMessageType.Text, endOfMessage: true, _closing.Token).AsTask();

    private async Task DropIncomingAsync(byte[] buffer)
    {
        try
        {
            while (!_closing.IsCancellationRequested)
            {
                var received = await _socket.ReceiveAsync(buffer.AsMemory(), _closing.Token);
                if (received.MessageType == WebSocketMessageType.Close) return;
            }
        }
        catch (Exception) when (_closing.IsCancellationRequested || _socket.State != WebSocketState.Open)
        {
            // Closed by us or by the Host: nothing more to read.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _closing.CancelAsync();
        await _reading;
        _socket.Dispose();
        _closing.Dispose();
    }
}
