using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace EnhanceFund.IntegrationTests.Infrastructure;

/// <summary>
/// A Redis server of one test's own (redis-server from the PATH, which scripts/test.sh installs), on a free loopback
/// port, that the test may stop and start again under a running Host without touching the shared one.
/// </summary>
public sealed class PrivateRedis : IAsyncDisposable
{
    private Process? _server;

    private PrivateRedis(int port) => Port = port;

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    public static async Task<PrivateRedis> StartAsync()
    {
        var redis = new PrivateRedis(LoopbackPort.Free());
        await redis.StartAgainAsync();
        return redis;
    }

    /// <summary>Starts the server (again, on the same port) and waits until it answers PING.</summary>
    public async Task StartAgainAsync()
    {
        _server = Process.Start(new ProcessStartInfo("redis-server",
            ["--bind", "127.0.0.1", "--port", Port.ToString(), "--save", "", "--appendonly", "no"])
        {
            RedirectStandardOutput = true,
        })!;
        _server.OutputDataReceived += (_, _) => { };
        _server.BeginOutputReadLine();
        await Eventually.ReturnsAsync(PingAsync, answered => answered, $"redis-server on port {Port}", TimeSpan.FromSeconds(10));
    }

    /// <summary>Kills the server, as a crash or a network partition would take it away.</summary>
    public async Task StopAsync()
    {
        if (_server is null) return;
        _server.Kill();
        await _server.WaitForExitAsync();
        _server.Dispose();
        _server = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task<bool> PingAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
