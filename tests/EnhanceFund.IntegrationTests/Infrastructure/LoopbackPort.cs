using System.Net;
using System.Net.Sockets;

namespace EnhanceFund.IntegrationTests.Infrastructure;

/// <summary>Ports for servers a test or benchmark starts on 127.0.0.1.</summary>
public static class LoopbackPort
{
    /// <summary>A loopback port nobody listens on, for a server about to start to take.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
