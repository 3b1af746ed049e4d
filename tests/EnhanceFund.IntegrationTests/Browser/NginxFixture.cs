using System.Diagnostics;
using EnhanceFund.IntegrationTests.Infrastructure;

namespace EnhanceFund.IntegrationTests.Browser;

/// <summary>
/// Two Hosts behind nginx, configured by the committed deploy/nginx.conf: only its ports are changed (to the
/// Hosts' and a free one) and its temporary files moved to a folder of the test's own.
/// </summary>
public sealed class NginxFixture : TwoHostsFixture, IFrontedHosts
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"enhancefund-nginx-{Guid.NewGuid():N}");
    private FrontProcess _nginx = null!;

    public Uri Address => _nginx.Address;

    public IReadOnlyList<TestHost> Instances => [Host, Other];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Directory.CreateDirectory(_directory);
        // Debian's nginx runs its workers as nobody when started as root: they must be able to write here.
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(_directory, (UnixFileMode)0b111_111_111);

        var port = FrontProcess.FreePort();
        var temporary = string.Join(' ', new[] { "client_body", "proxy", "fastcgi", "uwsgi", "scgi" }
            .Select(kind => $"{kind}_temp_path {Path.Combine(_directory, kind)};"));
        var configuration = (await File.ReadAllTextAsync(Path.Combine(Repository.Root, "deploy", "nginx.conf")))
            .Replace("127.0.0.1:5081", $"127.0.0.1:{Host.Address.Port}")
            .Replace("127.0.0.1:5082", $"127.0.0.1:{Other.Address.Port}")
            .Replace("listen 127.0.0.1:8080;", $"listen 127.0.0.1:{port};")
            .Replace("http {", $"http {{\n    {temporary}");
        var file = Path.Combine(_directory, "nginx.conf");
        await File.WriteAllTextAsync(file, configuration);

        var nginx = File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx";
        _nginx = await FrontProcess.StartAsync(new ProcessStartInfo(nginx, ["-p", _directory, "-c", file, "-e", "stderr", "-g", "daemon off;"]), port);
    }

    public override async Task DisposeAsync()
    {
        await _nginx.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
        await base.DisposeAsync();
    }
}
