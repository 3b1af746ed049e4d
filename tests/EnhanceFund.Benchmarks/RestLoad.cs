using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using EnhanceFund.IntegrationTests.Infrastructure;

namespace EnhanceFund.Benchmarks;

/// <summary>
/// The notification read routes under wrk (-t2 -c64, the token rotated on every request): users with notifications
/// made through the API, then the same routes again with a table grown to a million notifications of other users
/// (inserted in SQL through the same triggers, so the counters agree with the rows).
/// </summary>
internal static partial class RestLoad
{
    private const int PerUser = 50;

    public static async Task RunAsync(string database, HostProcess host, ProcessCpu servers, IReadOnlyList<ApiClient> users, int seconds, int bigTable)
    {
        await SeedThroughTheApiAsync(users);
        // Fresh statistics for both tables, as autovacuum would have them: the small table is not measured on plans
        // made for an empty one.
        await new Ledger(database).ExecuteAsync("VACUUM ANALYZE notifications.notifications");
        var afterIds = await Task.WhenAll(users.Select(async u =>
            (await u.NotificationsAsync())[PerUser - 21]!["id"]!.GetValue<long>()));
        var routes = new Route[]
        {
            // The floor: Kestrel, the middleware and a JSON answer, without a token check or the database.
            ("/health/live (the floor)", _ => "/health/live"),
            ("unread-count", _ => "/api/notifications/unread-count"),
            ("first page of 50", _ => "/api/notifications?limit=50"),
            ("filtered page (type, unread)", _ => "/api/notifications?limit=50&type=fund_added&is_read=false"),
            ("after_id page (20 newer)", i => $"/api/notifications?after_id={afterIds[i]}"),
            ("after_seq page (20 newer)", _ => $"/api/notifications?after_seq={PerUser - 20}"),
            // Last: it changes what the others read. Each request marks its user's notification unread, the next read.
            new("PATCH unread, then read, ...", i => $"/api/notifications/{afterIds[i]}", Toggles: true),
        };

        Console.WriteLine($"wrk -t2 -c64 -d{seconds}s, {users.Count} users x {PerUser} notifications, a different user's token on each request; wrk, the Host, PostgreSQL and Redis share the machine's {Environment.ProcessorCount} cores");
        // Unmeasured: the JIT's later tiers, the pools and PostgreSQL's caches settle first.
        foreach (var route in routes) await RunWrkAsync(host.Address, await ScriptAsync(users, route), seconds: 3);
        await RunRoutesAsync(host, servers, users, routes, seconds, await RowsAsync(database));
        if (bigTable <= 0) return;

        await GrowTableAsync(database, bigTable);
        await RunRoutesAsync(host, servers, users, routes, seconds, await RowsAsync(database));
    }

    private static async Task SeedThroughTheApiAsync(IReadOnlyList<ApiClient> users)
    {
        var started = Stopwatch.StartNew();
        await Parallel.ForEachAsync(users, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (user, _) =>
        {
            for (var i = 0; i < PerUser; i++)
            {
                var deposit = await user.PostAsync("/api/wallet/deposits", new { amount = 1m + i });
                if (deposit.Status != HttpStatusCode.Created) throw new InvalidOperationException(deposit.ToString());
            }
        });
        foreach (var user in users) await user.NotificationsEventuallyAsync(PerUser);
        Console.WriteLine($"seeded {users.Count * PerUser} notifications through the API in {started.Elapsed.TotalSeconds:F0} s");
    }

    private static async Task RunRoutesAsync(
        HostProcess host, ProcessCpu servers, IReadOnlyList<ApiClient> users, Route[] routes, int seconds, long rows)
    {
        Console.WriteLine($"{rows:N0} notifications in the table");
        Console.WriteLine("| route | req/s | p50 | p99 | non-2xx | CPU per request: Host / PostgreSQL |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var route in routes)
        {
            var script = await ScriptAsync(users, route);
            // The Host's CPU time over the requests wrk made is its cost of one request, a figure the machine's noise
            // moves much less than req/s.
            var (hostBefore, postgresBefore) = (host.Cpu, servers.Postgres());
            var output = await RunWrkAsync(host.Address, script, seconds);
            var hostCpu = host.Cpu - hostBefore;
            var postgresCpu = servers.Postgres() - postgresBefore;
            var requests = long.TryParse(Match(output, Requests()), out var n) && n > 0 ? n : 1;
            Console.WriteLine($"| {route.Name} | {Match(output, RequestsPerSecond())} | {Match(output, Percentile50())} | {Match(output, Percentile99())} | {Match(output, NonSuccess(), "0")} | {hostCpu.TotalMicroseconds / requests:F0} us / {postgresCpu.TotalMicroseconds / requests:F0} us |");
        }
    }

    /// <summary>A GET, or with <c>Toggles</c> a PATCH that marks the notification unread and read by turns.</summary>
    private sealed record Route(string Name, Func<int, string> Path, bool Toggles = false)
    {
        public static implicit operator Route((string Name, Func<int, string> Path) get) => new(get.Name, get.Path);
    }

    private static async Task<string> ScriptAsync(IReadOnlyList<ApiClient> users, Route route)
    {
        var script = Path.Combine(Path.GetTempPath(), $"enhancefund-wrk-{Guid.NewGuid():N}.lua");
        await File.WriteAllTextAsync(script, LuaScript(users.Select((u, i) => (u.Token, route.Path(i))).ToList(), route.Toggles));
        return script;
    }

    /// <summary>Each request takes the next user's token and that user's path, round the list.</summary>
    private static string LuaScript(IReadOnlyList<(string Token, string Path)> requests, bool toggles)
    {
        var lua = new StringBuilder($"local toggles = {(toggles ? "true" : "false")}\nlocal requests = {{\n");
        foreach (var (token, path) in requests) lua.Append(CultureInfo.InvariantCulture, $"  {{ \"{path}\", \"Bearer {token}\", false }},\n");
        lua.Append("""
            }
            local next = 0
            request = function()
              next = next % #requests + 1
              local r = requests[next]
              if not toggles then
                return wrk.format("GET", r[1], { ["Authorization"] = r[2] })
              end
              r[3] = not r[3]
              local body = r[3] and '{"is_read":false}' or '{"is_read":true}'
              return wrk.format("PATCH", r[1], { ["Authorization"] = r[2], ["Content-Type"] = "application/json" }, body)
            end
            """);
        return lua.ToString();
    }

    private static async Task<string> RunWrkAsync(Uri host, string script, int seconds)
    {
        using var wrk = Process.Start(new ProcessStartInfo("wrk", ["-t2", "-c64", $"-d{seconds}s", "--latency", "-s", script, host.ToString().TrimEnd('/')])
        {
            RedirectStandardOutput = true,
        })!;
        var output = await wrk.StandardOutput.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        File.Delete(script);
        return output;
    }

    /// <summary>10,000 other users' notifications, through the insert trigger (seq, counters), in batches.</summary>
    internal static async Task GrowTableAsync(string database, int rows)
    {
        var started = Stopwatch.StartNew();
        const int batch = 100_000;
        for (var from = 0; from < rows; from += batch)
        {
            await new Ledger(database).ExecuteAsync($"""
                INSERT INTO notifications.notifications
                    (user_id, notification_type, title, message, is_read, created_at, related_id, related_type, source_event_id)
                SELECT 1000000 + g % 10000, CASE WHEN g % 3 = 0 THEN 'fund_withdrawn' ELSE 'fund_added' END, 'Seeded',
                       'Seeded for the benchmark.', g % 2 = 0, now(), g, 'transaction', gen_random_uuid()
                FROM generate_series({from + 1}, {Math.Min(from + batch, rows)}) g
                """);
        }

        await new Ledger(database).ExecuteAsync("VACUUM ANALYZE notifications.notifications");
        Console.WriteLine($"grew the table by {rows:N0} notifications of 10,000 other users in {started.Elapsed.TotalSeconds:F0} s");
    }

    private static Task<long> RowsAsync(string database) =>
        new Ledger(database).CountAsync("SELECT count(*) FROM notifications.notifications");

    private static string Match(string output, Regex pattern, string missing = "?") =>
        pattern.Match(output) is { Success: true } m ? m.Groups[1].Value : missing;

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex Requests();

    [GeneratedRegex(@"\s50%\s+(\S+)")]
    private static partial Regex Percentile50();

    [GeneratedRegex(@"\s99%\s+(\S+)")]
    private static partial Regex Percentile99();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex NonSuccess();
}
