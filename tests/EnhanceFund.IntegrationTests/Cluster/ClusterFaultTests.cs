using System.Diagnostics;
using System.Text.RegularExpressions;
using EnhanceFund.IntegrationTests.Browser;
using EnhanceFund.IntegrationTests.Infrastructure;
using Npgsql;
using Xunit.Abstractions;

namespace EnhanceFund.IntegrationTests.Cluster;

/// <summary>Three instances behind nginx, started by scripts/cluster.sh with PostgreSQL and Redis of their own.</summary>
public sealed class ThreeInstanceCluster : IAsyncLifetime
{
    public ScriptedCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync() => Cluster = await ScriptedCluster.UpAsync(3, new Dictionary<string, string>
    {
        // Every test user signs up from 127.0.0.1, and the stream deposits faster than a person would.
        ["RateLimits__AuthRequestsPerMinute"] = "1000000",
        ["RateLimits__WritesPerUserPerMinute"] = "1000000",
    });

    public async Task DisposeAsync()
    {
        // Null when up failed (it cleaned up after itself).
        if (Cluster is not null) await Cluster.DisposeAsync();
    }
}

/// <summary>
/// Faults under a steady stream of deposits through nginx, with clients connected through nginx that follow the sync
/// rules. After each: nothing lost, doubled or made up, every balance right, every client holding exactly what REST
/// holds, and every instance serving again within 10 s of the fault's end. The figures go to cluster-faults.txt
/// beside the browser tests' screenshots.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed partial class ClusterFaultTests(ThreeInstanceCluster fixture, ITestOutputHelper output) : IClassFixture<ThreeInstanceCluster>
{
    private const int Users = 8;
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan RecoveryGoal = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A restarted instance serves once its process has started, which takes this machine (two cores, shared, the JIT
    /// compiling EF Core, FastEndpoints and the modules) 10 to 20 s: the 10 s goal is not met for it (README, "Running
    /// more than one instance"). It is held to this bound; the others to the goal.
    /// </summary>
    private static readonly TimeSpan RestartBound = TimeSpan.FromSeconds(40);

    private ScriptedCluster Cluster => fixture.Cluster;

    [Fact]
    public Task An_instance_SIGKILLed_mid_stream_costs_nothing_and_its_clients_move_to_the_others() =>
        UnderStreamAsync("an instance SIGKILLed", async under =>
        {
            var victim = await InstanceHoldingMostConnectionsAsync();
            await Cluster.KillAsync(victim);
            await Eventually.ReturnsAsync(() => under.Clients.Sum(c => c.Reconnects), r => r > 0, $"clients of instance {victim} reconnected");
            return new Mended(Stopwatch.StartNew(), victim, Cluster.StartAsync(victim));
        });

    [Fact]
    public Task Redis_stopped_for_15_seconds_mid_stream_costs_nothing() =>
        UnderStreamAsync("Redis stopped for 15 s", async _ =>
        {
            await Cluster.RunAsync("stop", "redis");
            await Task.Delay(TimeSpan.FromSeconds(15));
            var ended = Stopwatch.StartNew();
            await Cluster.RunAsync("start", "redis");
            return new Mended(ended);
        }, withRedis: true);

    [Fact]
    public Task PostgreSQL_restarted_mid_stream_fails_requests_for_a_while_and_every_instance_recovers_by_itself() =>
        UnderStreamAsync("PostgreSQL restarted (fast shutdown, start)", async under =>
        {
            var failedBefore = under.Stream.FailedAttempts;
            await Cluster.RunAsync("stop", "postgres");
            // Down long enough that deposits do fail, as they would in a real restart.
            await Eventually.ReturnsAsync(() => under.Stream.FailedAttempts, failed => failed > failedBefore, "a deposit failing while PostgreSQL is down");
            var ended = Stopwatch.StartNew();
            await Cluster.RunAsync("start", "postgres");
            return new Mended(ended);
        });

    [Fact]
    public Task An_instance_restarted_while_its_relay_holds_a_batch_costs_nothing() =>
        UnderStreamAsync("an instance restarted while its relay holds a batch", async under =>
        {
            // The test holds one user's notification stream row: the next batch of deposits that includes that user
            // cannot commit its notifications, and the relay that claimed it waits, holding its batch.
            var held = under.Users[0];
            await held.NotificationsEventuallyAsync(1);
            await using var db = new NpgsqlConnection(Cluster.Database);
            await db.OpenAsync();
            await using var hold = await db.BeginTransactionAsync();
            await using (var lockRow = new NpgsqlCommand(
                "SELECT user_id FROM notifications.notification_streams WHERE user_id = $1 FOR UPDATE", db, hold))
            {
                lockRow.Parameters.AddWithValue(held.UserId);
                Assert.NotNull(await lockRow.ExecuteScalarAsync());
            }

            var holder = await Eventually.ReturnsAsync(() => InstanceHoldingAWalletBatchBehindAsync(db), found => found.Instance > 0,
                "a relay holding a batch behind the test's lock");
            var stopping = Cluster.StopAsync(holder.Instance);
            // Only once the instance has stopped taking requests does the batch go on: it is finished during the stop.
            await Eventually.ReturnsAsync(() => RefusesAsync(Cluster.Instances[holder.Instance - 1]), refused => refused, $"instance {holder.Instance} stopping");
            await hold.RollbackAsync();
            await stopping;
            return new Mended(Stopwatch.StartNew(), holder.Instance, Cluster.StartAsync(holder.Instance));
        });

    /// <summary>
    /// How a fault ended: a clock started at its end, and for an instance started again, which one and its start
    /// (the fault ends when the instance is started again, as a supervisor would).
    /// </summary>
    private sealed record Mended(Stopwatch Since, int Restarted = 0, Task? Restarting = null);

    /// <summary>What a fault may act on: the stream, its users and their clients.</summary>
    private sealed record UnderStream(DepositStream Stream, IReadOnlyList<ApiClient> Users, IReadOnlyList<SyncingClient> Clients);

    /// <summary>
    /// Starts the stream, lets <paramref name="inject"/> break and mend the cluster (it returns a clock started when the
    /// fault ended), measures recovery, streams on a while, then checks the ledger.
    /// </summary>
    private async Task UnderStreamAsync(string fault, Func<UnderStream, Task<Mended>> inject, bool withRedis = false)
    {
        var users = new List<ApiClient>();
        for (var i = 0; i < Users; i++) users.Add(await ApiClient.RegisterAsync(Cluster.Http));
        var clients = new Dictionary<long, SyncingClient>();
        foreach (var user in users) clients[user.UserId] = await SyncingClient.ConnectAsync(Cluster.Address, user);
        try
        {
            var stream = DepositStream.Start(users, Interval);
            await Eventually.ReturnsAsync(() => stream.Sent, sent => sent >= 30, "the stream under way");
            var mended = await inject(new UnderStream(stream, users, [.. clients.Values]));
            var recovery = await Recovery.ServingAgainAsync(Cluster, users[0], mended.Since, withRedis);
            if (mended.Restarting is not null) await mended.Restarting;
            var sentAtRecovery = stream.Sent;
            await Eventually.ReturnsAsync(() => stream.Sent, sent => sent >= sentAtRecovery + 30, "the stream going on after the fault");
            var deposits = await stream.StopAsync();
            var count = await ClusterLedger.CountAsync(deposits, clients);

            var report = $"{fault}: {count}; {stream.FailedAttempts} attempts retried; " +
                $"{clients.Values.Sum(c => c.Reconnects)} reconnects, {clients.Values.Sum(c => c.Resyncs)} resyncs; " +
                $"instances serving again {string.Join(", ", recovery.Select((r, i) => (r == TimeSpan.MaxValue ? "never" : $"{r.TotalSeconds:0.0} s") + (i + 1 == mended.Restarted ? " (restarted)" : "")))} after the fault ended";
            output.WriteLine(report);
            Directory.CreateDirectory(Artifacts.Directory);
            await File.AppendAllTextAsync(Path.Combine(Artifacts.Directory, "cluster-faults.txt"), $"{DateTime.UtcNow:u} {report}\n");

            Assert.True(count.Clean, report);
            var late = recovery.Select((r, i) => (Instance: i + 1, Late: r > (i + 1 == mended.Restarted ? RestartBound : RecoveryGoal)))
                .Where(r => r.Late).Select(r => r.Instance).ToArray();
            Assert.True(late.Length == 0, report + string.Concat(late.Select(i => $"\ninstance {i}'s log:\n{Cluster.LogTail(i)}")));
            Assert.All(clients.Values, c => Assert.Empty(c.Failures));
        }
        finally
        {
            foreach (var client in clients.Values) await client.DisposeAsync();
        }
    }

    /// <summary>
    /// The instance with the most established connections (from nginx): the hub's WebSockets, as REST keeps none open.
    /// Read from the kernel's table (/proc/net/tcp: local address and port in hex, state 01 established).
    /// </summary>
    private Task<int> InstanceHoldingMostConnectionsAsync()
    {
        var established = File.ReadLines("/proc/net/tcp").Skip(1)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields[3] == "01")
            .Select(fields => Convert.ToInt32(fields[1].Split(':')[1], 16))
            .ToList();
        var counts = Cluster.Instances.Select(instance => established.Count(port => port == instance.Port)).ToList();
        Assert.True(counts.Max() > 0, "no instance holds a connection");
        return Task.FromResult(counts.IndexOf(counts.Max()) + 1);
    }

    private sealed record Holder(int Instance, string Sessions)
    {
        public override string ToString() => $"instance {Instance}; sessions:\n{Sessions}";
    }

    /// <summary>
    /// The instance (numbered from 1, 0 for none) whose relay holds a claimed Wallet batch while one of its consumers
    /// waits for the test's lock, and what every session of the database is doing, for a failure message.
    /// </summary>
    private static async Task<Holder> InstanceHoldingAWalletBatchBehindAsync(NpgsqlConnection db)
    {
        // pg_stat_activity is read once per transaction, and this runs inside the one that holds the lock: without
        // this, every poll would see the first one's sessions.
        await using (var fresh = new NpgsqlCommand("SELECT pg_stat_clear_snapshot()", db)) await fresh.ExecuteNonQueryAsync();
        await using var find = new NpgsqlCommand(
            """
            SELECT (SELECT waiting.application_name FROM pg_stat_activity waiting
                    WHERE pg_backend_pid() = ANY(pg_blocking_pids(waiting.pid))
                      AND EXISTS (SELECT 1 FROM pg_stat_activity relay
                                  WHERE relay.application_name = waiting.application_name AND relay.state = 'idle in transaction'
                                    AND relay.query LIKE '%FOR UPDATE SKIP LOCKED%' AND relay.query LIKE '%"wallet"."outbox_messages"%')
                    LIMIT 1),
                   (SELECT string_agg(concat_ws(' | ', pid, application_name, state, wait_event_type, pg_blocking_pids(pid)::text, left(query, 80)), E'\n')
                    FROM pg_stat_activity WHERE datname = current_database())
            """, db);
        await using var reader = await find.ExecuteReaderAsync();
        await reader.ReadAsync();
        var name = reader.IsDBNull(0) ? "" : reader.GetString(0);
        var instance = InstanceName().Match(name) is { Success: true } match ? int.Parse(match.Groups[1].Value) : 0;
        return new Holder(instance, reader.GetString(1));
    }

    private static async Task<bool> RefusesAsync(Uri instance)
    {
        using var http = new HttpClient { BaseAddress = instance, Timeout = TimeSpan.FromSeconds(1) };
        try
        {
            await http.GetAsync("/health/live");
            return false;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return true;
        }
    }

    [GeneratedRegex("^enhancefund-host-([0-9]+)$")]
    private static partial Regex InstanceName();
}
