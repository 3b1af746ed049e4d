using System.Diagnostics;
using EnhanceFund.IntegrationTests.Infrastructure;

namespace EnhanceFund.IntegrationTests.Browser;

/// <summary>
/// Two Hosts behind nginx, configured by the committed deploy/nginx.conf as deploy/nginx-render.sh writes it for them:
/// only the instances, the port (a free one) and the temporary folders (the test's own) differ.
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

        var port = LoopbackPort.Free();
        var rendered = await Shell.RunAsync("sh",
            [
                Path.Combine("deploy", "nginx-render.sh"), Path.Combine("deploy", "nginx.conf"),
                "--listen", $"127.0.0.1:{port}", "--temp", _directory,
                .. Instances.Select(instance => $"127.0.0.1:{instance.Address.Port}"),
            ],
            TimeSpan.FromSeconds(30));
        var file = Path.Combine(_directory, "nginx.conf");
        await File.WriteAllTextAsync(file, rendered.Succeeded("deploy/nginx-render.sh").Output);

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
