using System.Diagnostics;
using EnhanceFund.IntegrationTests.Infrastructure;

namespace EnhanceFund.IntegrationTests.Browser;

/// <summary>
/// The web client's development server (web/scripts/dev-server.mjs, `npm run dev`) in front of one Host: it
/// serves the built client and forwards the API and the hub, as a frontend developer runs it.
/// </summary>
public sealed class DevServerFixture : HostFixture, IFrontedHosts
{
    private FrontProcess _devServer = null!;

    public Uri Address => _devServer.Address;

    public IReadOnlyList<TestHost> Instances => [Host];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var port = LoopbackPort.Free();
        var start = new ProcessStartInfo("node", [Path.Combine(Repository.Root, "web", "scripts", "dev-server.mjs")])
        {
            Environment =
            {
                ["API_TARGET"] = Host.Address.GetLeftPart(UriPartial.Authority),
                ["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
        };
        _devServer = await FrontProcess.StartAsync(start, port);
    }

    public override async Task DisposeAsync()
    {
        await _devServer.DisposeAsync();
        await base.DisposeAsync();
    }
}
