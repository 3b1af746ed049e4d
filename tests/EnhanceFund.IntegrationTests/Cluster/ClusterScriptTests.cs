using System.Net;
using System.Net.Sockets;
using EnhanceFund.IntegrationTests.Infrastructure;

namespace EnhanceFund.IntegrationTests.Cluster;

/// <summary>Two instances behind nginx, started by scripts/cluster.sh, with a sign-in limit small enough to reach.</summary>
public sealed class TwoInstanceCluster : IAsyncLifetime
{
    public const int SignInsPerMinute = 4;

    public ScriptedCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync() => Cluster = await ScriptedCluster.UpAsync(2, new Dictionary<string, string>
    {
        ["RateLimits__AuthRequestsPerMinute"] = SignInsPerMinute.ToString(),
    });

    public async Task DisposeAsync()
    {
        // Null when up failed (it cleaned up after itself).
        if (Cluster is not null) await Cluster.DisposeAsync();
    }
}

/// <summary>What a person does with scripts/cluster.sh, and what nginx in front must keep true.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterScriptTests(TwoInstanceCluster fixture) : IClassFixture<TwoInstanceCluster>
{
    private ScriptedCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task Behind_nginx_one_clients_failed_sign_ins_never_429_another_client()
    {
        // Two clients on addresses of their own (all of 127.0.0.0/8 is this machine), as two people on the internet are.
        using var guesser = FromAddress("127.0.0.2");
        using var bystander = FromAddress("127.0.0.3");

        // The limit is kept per instance: behind two, the guesser gets up to twice it before both refuse in a row.
        var instances = Cluster.Instances.Count;
        var (attempts, refusedInARow) = (0, 0);
        while (refusedInARow < instances)
        {
            Assert.True(++attempts <= (TwoInstanceCluster.SignInsPerMinute + 1) * instances, $"{attempts} failed sign-ins from one address and no 429s");
            refusedInARow = await FailedSignInAsync(guesser) == HttpStatusCode.TooManyRequests ? refusedInARow + 1 : 0;
        }

        Assert.True(attempts > TwoInstanceCluster.SignInsPerMinute, $"429s after {attempts} sign-ins, the limit being {TwoInstanceCluster.SignInsPerMinute}");
        for (var i = 0; i < instances; i++) Assert.Equal(HttpStatusCode.Unauthorized, await FailedSignInAsync(bystander));
    }

    [Fact]
    public async Task A_killed_instance_is_passed_over_by_nginx_and_the_script_starts_it_again()
    {
        using var http = FromAddress("127.0.0.4");
        var user = await ApiClient.RegisterAsync(http);
        await Cluster.KillAsync(1);
        Assert.True(await RefusedAsync(Cluster.Instances[0]), "instance 1 still answers after kill");

        for (var i = 0; i < 6; i++) await user.DepositAsync(1m);
        Assert.Equal(6m, await user.BalanceAsync());

        await Cluster.StartAsync(1);
        using var direct = new HttpClient { BaseAddress = Cluster.Instances[0] };
        Assert.Equal(6m, await user.Via(direct).BalanceAsync());
    }

    private HttpClient FromAddress(string address) =>
        new(new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                socket.Bind(new IPEndPoint(IPAddress.Parse(address), 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            },
        })
        { BaseAddress = Cluster.Address };

    private static async Task<HttpStatusCode> FailedSignInAsync(HttpClient client) =>
        (await ApiClient.Send(client, HttpMethod.Post, "/api/auth/login", null, new { email = "nobody@example.test", password = "wrong-password" })).Status;

    private static async Task<bool> RefusedAsync(Uri instance)
    {
        using var http = new HttpClient { BaseAddress = instance };
        try
        {
            await http.GetAsync("/health/live");
            return false;
        }
        catch (HttpRequestException)
        {
            return true;
        }
    }
}
