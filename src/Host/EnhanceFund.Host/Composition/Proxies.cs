using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace EnhanceFund.Host.Composition;

/// <summary>
/// Behind a load balancer every request comes from the proxy's address. The client's address is taken from
/// <c>X-Forwarded-For</c>, but only as written by a trusted proxy (<c>Proxy:KnownProxies</c>, <c>Proxy:KnownNetworks</c>;
/// loopback by default) and only its last entry, the one that proxy added: a client cannot choose its own address by
/// sending the header itself.
/// </summary>
internal static class Proxies
{
    public const string Section = "Proxy";

    public static void AddTrustedProxies(this WebApplicationBuilder builder)
    {
        var proxies = builder.Configuration.GetValue($"{Section}:KnownProxies", "")!;
        var networks = builder.Configuration.GetValue($"{Section}:KnownNetworks", "127.0.0.0/8,::1/128")!;
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = 1;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in Split(proxies)) options.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in Split(networks)) options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
    }

    private static string[] Split(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
