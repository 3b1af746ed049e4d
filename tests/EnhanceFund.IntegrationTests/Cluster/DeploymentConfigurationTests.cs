using System.Text.RegularExpressions;
using EnhanceFund.Host;
using EnhanceFund.IntegrationTests.Browser;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace EnhanceFund.IntegrationTests.Cluster;

/// <summary>
/// deploy/compose.yaml cannot run here (no container engine), so it is kept in step by reading it: every key it sets
/// is one the Host reads, the keys an instance behind a proxy needs are set, and they are the keys scripts/cluster.sh
/// gives its instances, which the fault tests run.
/// </summary>
public sealed partial class DeploymentConfigurationTests
{
    /// <summary>What an instance of a cluster cannot do without: its database, the shared backplane and signing key, an address beyond its own loopback, its proxy.</summary>
    private static readonly string[] Required =
        ["ConnectionStrings__Postgres", "ConnectionStrings__Redis", "Jwt__SigningKey", "ASPNETCORE_URLS", "Proxy__KnownProxies"];

    private static readonly Lazy<Dictionary<string, Dictionary<string, string>>> HostServices = new(ReadComposeHosts);

    [Fact]
    public void Every_key_compose_gives_the_Host_is_one_it_reads()
    {
        foreach (var (name, environment) in HostServices.Value)
        {
            var read = KeysTheHostReads(environment);
            Assert.All(environment.Keys, key => Assert.True(IsRead(key, read), $"compose.yaml gives {name} {key}, which the Host never reads"));
        }
    }

    [Fact]
    public void Compose_runs_three_instances_each_with_every_required_key_and_nginx_as_its_one_trusted_proxy()
    {
        Assert.Equal(["host1", "host2", "host3"], HostServices.Value.Keys.Order());
        var nginx = At(ReadCompose(), "services", "nginx");
        var nginxAddress = (string)At(nginx, "networks", "backend", "ipv4_address");
        var nginxCommand = string.Join(' ', ((List<object>)At(nginx, "command")).Cast<string>());

        foreach (var (name, environment) in HostServices.Value)
        {
            Assert.All(Required, key => Assert.True(environment.ContainsKey(key), $"{name} lacks {key}"));
            Assert.Equal(nginxAddress, environment["Proxy__KnownProxies"]);
            Assert.Contains($"Application Name=enhancefund-{name.Replace("host", "host-")}", environment["ConnectionStrings__Postgres"]);
            Assert.Contains($" {name}:8080", nginxCommand);
        }

        // The committed configuration, rendered as the cluster script renders it.
        Assert.Contains("nginx-render.sh /etc/enhancefund/nginx.conf", nginxCommand);
        Assert.Contains("./nginx.conf:/etc/enhancefund/nginx.conf:ro", ((List<object>)At(nginx, "volumes")).Cast<string>());
    }

    [Fact]
    public void Compose_and_the_cluster_script_give_their_instances_the_same_keys()
    {
        var script = File.ReadAllText(Path.Combine(Repository.Root, "scripts", "cluster.sh"));
        var function = script[script.IndexOf("instance_environment() {", StringComparison.Ordinal)..];
        function = function[..function.IndexOf("\n}", StringComparison.Ordinal)];
        var scriptKeys = EchoedKey().Matches(function).Select(m => m.Groups[1].Value).Order().ToArray();

        Assert.All(Required, key => Assert.Contains(key, scriptKeys));
        foreach (var (name, environment) in HostServices.Value) Assert.Equal(scriptKeys, environment.Keys.Order().ToArray());
    }

    /// <summary>
    /// Which of <paramref name="environment"/>'s keys the Host looks up while it is built and while each of its options
    /// is made: they are given to it in a provider consulted before all others, which records every key asked of it. A
    /// key the Host does not bind (a misspelt one, one of an option that is gone) is never asked for.
    /// </summary>
    private static HashSet<string> KeysTheHostReads(Dictionary<string, string> environment)
    {
        var recorder = new RecordingProvider(environment
            .Where(pair => !pair.Key.StartsWith("ASPNETCORE_", StringComparison.Ordinal))
            .ToDictionary(pair => pair.Key.Replace("__", ":"), pair => pair.Value));
        IServiceCollection? services = null;
        var app = EnhanceFundApp.Build(["--environment=Production"], builder =>
        {
            builder.Configuration.Sources.Add(recorder);
            services = builder.Services;
        });

        // Options are bound when first made: make each kind once, under each name it is configured for.
        foreach (var descriptor in services!.Where(d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IConfigureOptions<>)))
        {
            var optionsType = descriptor.ServiceType.GetGenericArguments()[0];
            var name = descriptor.ImplementationInstance?.GetType().GetProperty("Name")?.GetValue(descriptor.ImplementationInstance) as string;
            var factory = app.Services.GetRequiredService(typeof(IOptionsFactory<>).MakeGenericType(optionsType));
            try
            {
                factory.GetType().GetMethod("Create")!.Invoke(factory, [name ?? Options.DefaultName]);
            }
            catch (System.Reflection.TargetInvocationException)
            {
                // Some options refuse to be made outside a running Host; the keys they asked for are recorded already.
            }
        }

        return recorder.Asked;
    }

    /// <summary>ASPNETCORE_ variables are the web host's own settings (the prefix taken off): where it listens, which environment.</summary>
    private static bool IsRead(string environmentKey, HashSet<string> read) =>
        environmentKey.StartsWith("ASPNETCORE_", StringComparison.Ordinal)
            ? environmentKey["ASPNETCORE_".Length..] is "URLS" or "ENVIRONMENT"
            : read.Contains(environmentKey.Replace("__", ":"));

    private static Dictionary<object, object> ReadCompose()
    {
        using var reader = new StreamReader(Path.Combine(Repository.Root, "deploy", "compose.yaml"));
        // The merge keys (<<: *host, <<: *host-environment) resolved, as Compose resolves them.
        return new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(new MergingParser(new Parser(reader)));
    }

    private static object At(object node, params string[] path) => path.Aggregate(node, (parent, key) => ((Dictionary<object, object>)parent)[key]);

    /// <summary>The services built from the Dockerfile (the instances) and the environment each is given.</summary>
    private static Dictionary<string, Dictionary<string, string>> ReadComposeHosts() =>
        ((Dictionary<object, object>)At(ReadCompose(), "services"))
        .Where(service => ((Dictionary<object, object>)service.Value).ContainsKey("build"))
        .ToDictionary(
            service => (string)service.Key,
            service => ((Dictionary<object, object>)At(service.Value, "environment")).ToDictionary(pair => (string)pair.Key, pair => (string)pair.Value));

    [GeneratedRegex("""echo "([A-Za-z_]+)=""")]
    private static partial Regex EchoedKey();

    /// <summary>Holds the keys under test, and records every key the Host asks any provider for.</summary>
    private sealed class RecordingProvider : ConfigurationProvider, IConfigurationSource
    {
        public RecordingProvider(Dictionary<string, string> keys)
        {
            foreach (var (key, value) in keys) Data[key] = value;
        }

        public HashSet<string> Asked { get; } = new(StringComparer.OrdinalIgnoreCase);

        public IConfigurationProvider Build(IConfigurationBuilder builder) => this;

        public override bool TryGet(string key, out string? value)
        {
            lock (Asked) Asked.Add(key);
            return base.TryGet(key, out value);
        }
    }
}
