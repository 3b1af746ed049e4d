using System.Net;
using EnhanceFund.IntegrationTests.Browser;
using EnhanceFund.IntegrationTests.Infrastructure;

namespace EnhanceFund.IntegrationTests.Cluster;

/// <summary>
/// A cluster started, broken and mended by scripts/cluster.sh, exactly as a person would: its own PostgreSQL and Redis,
/// N Host processes (<c>dotnet</c> on the Host this test run built) and nginx with the committed configuration, all on
/// free loopback ports in a folder of its own, stopped with <c>down</c> at the end.
/// </summary>
public sealed class ScriptedCluster : IAsyncDisposable
{
    private static readonly TimeSpan ScriptDeadline = TimeSpan.FromMinutes(3);

    private readonly string _directory;
    private readonly Dictionary<string, string> _environment;

    private ScriptedCluster(string directory, Dictionary<string, string> environment, Uri address)
    {
        _directory = directory;
        _environment = environment;
        Address = address;
        Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(15) };
        var state = File.ReadAllLines(Path.Combine(directory, "cluster.env"))
            .Select(line => line.Split('=', 2)).ToDictionary(pair => pair[0], pair => pair[1]);
        Instances = Enumerable.Range(1, int.Parse(state["COUNT"]))
            .Select(i => new Uri($"http://127.0.0.1:{state[$"HOST_PORT_{i}"]}/")).ToArray();
        Ports = state.Where(pair => pair.Key.EndsWith("PORT", StringComparison.Ordinal) || pair.Key.StartsWith("HOST_PORT_", StringComparison.Ordinal))
            .Select(pair => int.Parse(pair.Value)).ToArray();
        Database = $"Host=127.0.0.1;Port={state["PG_PORT"]};Database=enhancefund;Username=enhancefund;Password=enhancefund;Application Name=enhancefund-tests";
    }

    /// <summary>nginx: where clients go. The base URL is the last line <c>up</c> printed.</summary>
    public Uri Address { get; }

    public HttpClient Http { get; }

    /// <summary>Each instance's own address, numbered from 1 as the script numbers them (index 0 is instance 1).</summary>
    public IReadOnlyList<Uri> Instances { get; }

    /// <summary>The cluster's database, for facts the API does not show (who holds which lock).</summary>
    public string Database { get; }

    /// <summary>Every port the cluster listens on: nginx, the instances, PostgreSQL, Redis.</summary>
    public IReadOnlyList<int> Ports { get; }

    /// <summary><c>scripts/cluster.sh up <paramref name="instances"/></c> with <paramref name="settings"/> in every instance's environment.</summary>
    public static async Task<ScriptedCluster> UpAsync(int instances, IDictionary<string, string>? settings = null)
    {
        // A space in the folder's name, as a person's folders have: every path the script hands a server must be quoted.
        // Under scripts/test.sh's folder when it gives one, whose clean-up then stops a cluster a crashed run left up.
        // Short: PostgreSQL's socket goes in it, and a socket's path may not pass 107 bytes.
        var parent = Environment.GetEnvironmentVariable("ENHANCEFUND_CLUSTERS_DIR") is { Length: > 0 } given ? given : Path.GetTempPath();
        var directory = Path.Combine(parent, $"enhancefund cluster-{Guid.NewGuid().ToString("N")[..12]}");
        var environment = new Dictionary<string, string>(settings ?? new Dictionary<string, string>())
        {
            ["ENHANCEFUND_CLUSTER_DIR"] = directory,
            ["ENHANCEFUND_HOST_DLL"] = Repository.BuiltHost(),
            // Where the script's search for free ports starts: ports of this run's own, not the defaults a person's
            // cluster (or another test run on this machine) may be using.
            ["ENHANCEFUND_CLUSTER_LB_PORT"] = LoopbackPort.Free().ToString(),
            ["ENHANCEFUND_CLUSTER_HOST_PORT"] = LoopbackPort.Free().ToString(),
            ["ENHANCEFUND_CLUSTER_PG_PORT"] = LoopbackPort.Free().ToString(),
            ["ENHANCEFUND_CLUSTER_REDIS_PORT"] = LoopbackPort.Free().ToString(),
        };
        var up = await Shell.RunAsync("bash", ["scripts/cluster.sh", "up", instances.ToString()], ScriptDeadline, environment);
        if (up.ExitCode != 0)
        {
            await Shell.RunAsync("bash", ["scripts/cluster.sh", "down"], ScriptDeadline, environment);
            // The script may have failed before it made its folder; what it said is the error worth reporting.
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
            up.Succeeded("scripts/cluster.sh up");
        }

        var lastLine = up.Output.TrimEnd().Split('\n')[^1].Trim();
        return new ScriptedCluster(directory, environment, new Uri(lastLine));
    }

    /// <summary><c>scripts/cluster.sh COMMAND ARGUMENT</c>: kill/stop/start an instance (numbered from 1), or stop/start postgres or redis.</summary>
    public async Task<string> RunAsync(string command, string argument) =>
        (await Shell.RunAsync("bash", ["scripts/cluster.sh", command, argument], ScriptDeadline, _environment))
        .Succeeded($"scripts/cluster.sh {command} {argument}").Output;

    public Task KillAsync(int instance) => RunAsync("kill", instance.ToString());

    public Task StopAsync(int instance) => RunAsync("stop", instance.ToString());

    public Task StartAsync(int instance) => RunAsync("start", instance.ToString());

    /// <summary>The end of an instance's log, for a failure message.</summary>
    public string LogTail(int instance)
    {
        var log = Path.Combine(_directory, $"host-{instance}.log");
        return File.Exists(log) ? string.Join('\n', File.ReadLines(log).TakeLast(40)) : "(no log)";
    }

    /// <summary><c>scripts/cluster.sh down</c>: nothing of the cluster may still listen afterwards.</summary>
    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        (await Shell.RunAsync("bash", ["scripts/cluster.sh", "down"], ScriptDeadline, _environment)).Succeeded("scripts/cluster.sh down");
        var stillListening = Ports.Where(Listens).ToArray();
        Directory.Delete(_directory, recursive: true);
        if (stillListening.Length > 0)
            throw new InvalidOperationException($"After scripts/cluster.sh down, ports {string.Join(", ", stillListening)} still accept connections.");
    }

    private static bool Listens(int port)
    {
        try
        {
            using var client = new System.Net.Sockets.TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }
}

/// <summary>
/// The cluster tests run one at a time, after the parallel collections: each runs four processes of the Host plus
/// nginx, PostgreSQL and Redis of its own, and measures how soon instances serve again, which two shared cores would blur.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterCollection
{
    public const string Name = "Cluster";
}
