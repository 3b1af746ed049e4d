using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using EnhanceFund.IntegrationTests.Infrastructure;

namespace EnhanceFund.IntegrationTests.Browser;

/// <summary>
/// Two Hosts behind nginx, configured by the committed deploy/nginx.conf: only its ports are changed (to the
/// Hosts' and a free one) and its temporary files moved to a folder of the test's own.
/// </summary>
public sealed class NginxFixture : TwoHostsFixture
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"enhancefund-nginx-{Guid.NewGuid():N}");
    private Process? _nginx;

    /// <summary>Where the browser goes: nginx, which spreads requests over the two Hosts.</summary>
    public Uri Address { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Directory.CreateDirectory(_directory);
        // Debian's nginx runs its workers as nobody when started as root: they must be able to write here.
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(_directory, (UnixFileMode)0b111_111_111);

        var port = FreePort();
        var temporary = string.Join(' ', new[] { "client_body", "proxy", "fastcgi", "uwsgi", "scgi" }
            .Select(kind => $"{kind}_temp_path {Path.Combine(_directory, kind)};"));
        var configuration = (await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "deploy", "nginx.conf")))
            .Replace("127.0.0.1:5081", $"127.0.0.1:{Host.Address.Port}")
            .Replace("127.0.0.1:5082", $"127.0.0.1:{Other.Address.Port}")
            .Replace("listen 127.0.0.1:8080;", $"listen 127.0.0.1:{port};")
            .Replace("http {", $"http {{\n    {temporary}");
        var file = Path.Combine(_directory, "nginx.conf");
        await File.WriteAllTextAsync(file, configuration);

        _nginx = Process.Start(new ProcessStartInfo(NginxPath, ["-p", _directory, "-c", file, "-e", "stderr", "-g", "daemon off;"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        Address = new Uri($"http://127.0.0.1:{port}/");
        using var probe = new HttpClient { BaseAddress = Address };
        await Eventually.ReturnsAsync(
            async () =>
            {
                if (_nginx.HasExited) throw new InvalidOperationException($"nginx exited: {await _nginx.StandardError.ReadToEndAsync()}");
                try { return (await probe.GetAsync("/health/live")).StatusCode; }
                catch (HttpRequestException) { return HttpStatusCode.ServiceUnavailable; }
            },
            status => status == HttpStatusCode.OK, "nginx answering in front of the two Hosts");
    }

    public override async Task DisposeAsync()
    {
        if (_nginx is { HasExited: false })
        {
            _nginx.Kill(entireProcessTree: true);
            await _nginx.WaitForExitAsync();
        }

        _nginx?.Dispose();
        Directory.Delete(_directory, recursive: true);
        await base.DisposeAsync();
    }

    private static string NginxPath => File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
