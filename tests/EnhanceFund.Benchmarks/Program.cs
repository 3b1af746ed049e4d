using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using EnhanceFund.Benchmarks;
using EnhanceFund.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

// The real Host in its own process on a loopback port, N users each with a live SignalR connection, deposits at fixed
// rates: for each rate, the latency from each request to the push of its fund_added notification, and what was lost
// or duplicated.
if (IdleConnections.IsHolder(args))
{
    await IdleConnections.HoldAsync(args);
    return;
}

var options = BenchOptions.Parse(args);
var database = await TestServers.CreateDatabaseAsync(options.Postgres, "bench", maxPoolSize: options.PoolSize);
// Other Npgsql settings to try, e.g. --npgsql "Multiplexing=true", as ConnectionStrings__Postgres would carry them.
if (options.Npgsql is { } npgsql) database = $"{database};{npgsql}";
await using var host = await HostProcess.StartAsync(database, options.Redis, Path.Combine(Path.GetTempPath(), $"bench-host-{Environment.ProcessId}.log"));

// At most 256 connections: past saturation an open-loop client would otherwise open one per waiting request, until
// the machine runs out of sockets; requests beyond that wait in the client, and their wait counts in the latency.
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 })
{
    BaseAddress = host.Address,
    Timeout = TimeSpan.FromMinutes(2),
};
var users = await Task.WhenAll(Enumerable.Range(0, options.Users).Select(_ => ApiClient.RegisterAsync(http)));
Console.WriteLine(await PostgresDurability.DescribeAsync(database));
var servers = await ProcessCpu.FindAsync(database, options.RedisDir);
if (options.Rest)
{
    await RestLoad.RunAsync(database, host, servers, users, options.Seconds, options.BigTable);
    return;
}

var pushes = new ConcurrentDictionary<long, (long FirstAt, int Count)>();
var hub = new Uri(host.Address, "/hubs/notifications");
var connections = await Task.WhenAll(users.Select(user => HubConnections.ConnectAsync(hub, user.Token, connection =>
    connection.On<JsonElement>("notification", n => pushes.AddOrUpdate(
        n.GetProperty("related_id").GetInt64(), _ => (Stopwatch.GetTimestamp(), 1), (_, p) => (p.FirstAt, p.Count + 1))))));
// Spread over 100 users of their own.
var idleUsers = await Task.WhenAll(Enumerable.Range(0, Math.Min(100, options.IdleConnections)).Select(_ => ApiClient.RegisterAsync(http)));
var residentBeforeIdle = host.ResidentMegabytes;
await using var idle = await IdleConnections.OpenAsync(hub, options.IdleConnections, idleUsers.Select(u => u.Token).ToList());
Console.WriteLine($"{options.Users} users connected, {idle.Count} idle connections; the Host (pid {host.Pid}, its log in {host.LogPath}), PostgreSQL, Redis and this client share the machine's {Environment.ProcessorCount} cores");
// What an instance needs per open connection, for sizing (README, "Running more than one instance").
if (idle.Count > 0)
{
    var resident = host.ResidentMegabytes;
    Console.WriteLine($"the Host's resident memory went from {residentBeforeIdle:F0} to {resident:F0} MB as the idle connections opened: {(resident - residentBeforeIdle) * 1024 / idle.Count:F0} KB each");
}

if (options.MarkAllRead > 0)
{
    await MarkAllRead.RunAsync(database, users[0], options.MarkAllRead, options.BigTable);
}
else if (options.OutageSeconds > 0)
{
    await RedisOutage.RunAsync(options, users, host, pushes);
}
else
{
    var warmedUp = await JitWarmUp.RunAsync(
        async () => await DrainAsync((await DepositLoad.SendAsync(users, options.Rates[0], 1, options.IdempotencyKeys)).Sent), () => HostGc.JitTimeAsync(host.Http));
    Console.WriteLine($"warmed up for {warmedUp.TotalSeconds:F0} s at {options.Rates[0]}/s, until the JIT used under 10 ms/s for 3 s");
    Console.WriteLine($"{options.Seconds} s per rate after a warm-up until the JIT is quiet, then {options.WarmUpSeconds} s at that rate; " +
                      "latency = deposit request due by the schedule -> its push received (a deposit never pushed counts as slower than any)");
    Console.WriteLine("| offered | achieved | failed | pushes | lost | duplicated | p50 | p95 | p99 | p99 first/last quarter | request -> 201 p50 / p99 | CPU per deposit: Host / client / PostgreSQL |");
    Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
    int? best = null;
    var stages = new List<string>();
    var collections = new List<string>();
    var others = new List<string>();
    var statements = options.Statements ? await StatementsPerDeposit.StartAsync(database) : null;
    var statementReports = new List<string>();
    foreach (var rate in options.Rates)
    {
        if (options.WarmUpSeconds > 0) await DrainAsync((await DepositLoad.SendAsync(users, rate, options.WarmUpSeconds, options.IdempotencyKeys)).Sent);
        if (statements is not null) await statements.ResetAsync();
        // CPU from the first deposit until the last push arrived, per deposit: it moves far less with this machine's
        // noise than latency does, and past saturation it still counts the work that finished late.
        var (cpuBefore, gcBefore, begin) = (Cpu(), await HostGc.ReadAsync(host.Http), Stopwatch.GetTimestamp());
        var (sent, failures, elapsed) = await DepositLoad.SendAsync(users, rate, options.Seconds, options.IdempotencyKeys);
        await DrainAsync(sent);
        var untilLastPush = Stopwatch.GetElapsedTime(begin);
        collections.Add($"| {rate}/s | {HostGc.Between(gcBefore, await HostGc.ReadAsync(host.Http), untilLastPush, sent.Count)} |");
        var cpu = Cpu() - cpuBefore;
        others.Add($"| {rate}/s | {cpu.Others(Math.Max(1, sent.Count), untilLastPush)} |");
        // A second more before anything is counted: a push sent twice may come a moment after the first.
        await Task.Delay(TimeSpan.FromSeconds(1));
        var row = Row(rate, sent, failures, elapsed, cpu);
        Console.WriteLine(row.Text);
        // 99% of the deposits answered 201: the client sends on schedule, and a late one shows in its latency.
        var keptUp = sent.Count >= 0.99 * rate * options.Seconds;
        if (row.P99 <= 50 && row.Lost == 0 && row.Duplicated == 0 && failures == 0 && keptUp) best = Math.Max(best ?? 0, rate);
        if (statements is not null) statementReports.Add(await statements.DescribeAsync(rate, sent.Count));
        stages.Add($"| {rate}/s | {await PushStages.DescribeAsync(database, sent, pushes.ToDictionary(p => p.Key, p => p.Value.FirstAt))} |");
    }

    Console.WriteLine();
    PrintTable("Where the time went, p50 / p99:", PushStages.Header, stages);
    PrintTable("Garbage collections of the Host, from the first deposit to the last push:", HostGc.Header, collections);
    PrintTable("The machine's other CPU users, from the first deposit to the last push:", CpuTimes.OthersHeader, others);
    foreach (var report in statementReports) Console.WriteLine(report + Environment.NewLine);

    Console.WriteLine(best is null ? "no rate kept p99 under 50 ms" : $"highest rate with p99 <= 50 ms, at least 99% of its deposits answered 201, nothing lost or duplicated: {best}/s");
}

foreach (var connection in connections) await connection.DisposeAsync();
return;

// A Markdown table: its title, its header after the offered rate, and one row per rate.
void PrintTable(string title, string header, List<string> rows)
{
    var columns = $"offered | {header}".Split(" | ").Length;
    Console.WriteLine($"{title}{Environment.NewLine}| offered | {header} |");
    Console.WriteLine($"|{string.Concat(Enumerable.Repeat("---|", columns))}");
    foreach (var row in rows) Console.WriteLine(row);
    Console.WriteLine();
}

// CPU used so far by the Host, by the client (this process and the idle connections' holder) and by PostgreSQL.
CpuTimes Cpu() => new(
    host.Cpu, Process.GetCurrentProcess().TotalProcessorTime + idle.Cpu, servers.Postgres(), servers.Redis(), ProcessCpu.KernelMemoryMonitor());

// Waits up to 15 s for the pushes of what was sent.
async Task DrainAsync(IReadOnlyCollection<SentDeposit> sent)
{
    var until = DateTime.UtcNow.AddSeconds(15);
    while (sent.Any(s => !pushes.ContainsKey(s.TransactionId)) && DateTime.UtcNow < until) await Task.Delay(20);
}

(string Text, double P99, int Lost, int Duplicated) Row(int rate, List<SentDeposit> sent, int failures, TimeSpan elapsed, CpuTimes cpu)
{
    var inOrder = sent.OrderBy(s => s.DueAt).ToList();
    var pushed = inOrder.Where(s => pushes.ContainsKey(s.TransactionId)).ToList();
    var duplicated = pushed.Count(s => pushes[s.TransactionId].Count > 1);
    // A deposit never pushed is slower than any that was: left out, it would make the percentiles look better.
    double Latency(SentDeposit s) => pushes.TryGetValue(s.TransactionId, out var push)
        ? Stopwatch.GetElapsedTime(s.DueAt, push.FirstAt).TotalMilliseconds
        : double.PositiveInfinity;
    var all = inOrder.Select(Latency).Order().ToList();
    var quarter = Math.Max(1, inOrder.Count / 4);
    var first = inOrder.Take(quarter).Select(Latency).Order().ToList();
    var last = inOrder.TakeLast(quarter).Select(Latency).Order().ToList();
    var p99 = Percentiles.Of(all, 99);
    if (options.LatencyFile is { } file)
    {
        // One line per deposit pushed: the rate, when it was due (ms into the run), its request -> push latency (ms).
        var start = inOrder.FirstOrDefault()?.DueAt ?? 0;
        File.AppendAllLines(file, pushed.Select(s => FormattableString.Invariant(
            $"{rate},{Stopwatch.GetElapsedTime(start, s.DueAt).TotalMilliseconds:F1},{Latency(s):F1}")));
    }

    var answered = sent.Select(s => Stopwatch.GetElapsedTime(s.SentAt, s.AnsweredAt).TotalMilliseconds).Order().ToList();
    var lost = sent.Count - pushed.Count;
    return ($"| {rate}/s | {sent.Count / elapsed.TotalSeconds:F0}/s | {failures} | {pushed.Count} of {sent.Count} | {lost} | {duplicated} | " +
            $"{Percentiles.Ms(Percentiles.Of(all, 50))} | {Percentiles.Ms(Percentiles.Of(all, 95))} | {Percentiles.Ms(p99)} | " +
            $"{Percentiles.Ms(Percentiles.Of(first, 99))} / {Percentiles.Ms(Percentiles.Of(last, 99))} | " +
            $"{Percentiles.Ms(Percentiles.Of(answered, 50))} / {Percentiles.Ms(Percentiles.Of(answered, 99))} | {cpu.PerDeposit(Math.Max(1, sent.Count))} |",
        p99, lost, duplicated);
}
