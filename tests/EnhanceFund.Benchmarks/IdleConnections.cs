using System.Diagnostics;
using System.Reflection;

namespace EnhanceFund.Benchmarks;

/// <summary>
/// SignalR connections that only stay open (keep-alives), held by a second process of this benchmark: a process may
/// keep 20,000 files open here, and 10,000 connections held beside the Host's own ends of them would need more than
/// that in one. The holder's CPU counts with the client's: its keep-alives share the machine like the rest.
/// </summary>
internal sealed class IdleConnections : IAsyncDisposable
{
    private const string HoldFlag = "--hold-idle";
    private readonly Process? _holder;

    private IdleConnections(Process? holder, int count) => (_holder, Count) = (holder, count);

    public int Count { get; }

    /// <summary>CPU used so far by the holder process.</summary>
    public TimeSpan Cpu => _holder is { HasExited: false } ? _holder.TotalProcessorTime : TimeSpan.Zero;

    /// <summary>Starts a holder with <paramref name="count"/> connections spread over the users' tokens; returns once all are open.</summary>
    public static async Task<IdleConnections> OpenAsync(Uri hub, int count, IReadOnlyList<string> tokens)
    {
        if (count == 0) return new IdleConnections(null, 0);
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardInput = true, RedirectStandardOutput = true };
        // Run as `dotnet EnhanceFund.Benchmarks.dll` or as its own executable, as this process was.
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") start.ArgumentList.Add(Assembly.GetExecutingAssembly().Location);
        foreach (var argument in new[] { HoldFlag, count.ToString(), "--hub", hub.ToString() }) start.ArgumentList.Add(argument);
        var holder = Process.Start(start)!;
        foreach (var token in tokens) await holder.StandardInput.WriteLineAsync(token);
        await holder.StandardInput.WriteLineAsync();
        await holder.StandardInput.FlushAsync();
        while (await holder.StandardOutput.ReadLineAsync() is { } line && line != "open") Console.WriteLine(line);
        if (holder.HasExited) throw new InvalidOperationException($"The idle-connection holder exited ({holder.ExitCode}) before opening {count} connections.");
        return new IdleConnections(holder, count);
    }

    /// <summary>Whether this process was started as a holder.</summary>
    public static bool IsHolder(string[] args) => args.Contains(HoldFlag);

    /// <summary>
    /// The holder: opens the connections (50 at a time), says "open", and keeps them until its input closes, each
    /// pinging every 15 s as an idle SignalR client does, the pings spread evenly over time as many clients' would be.
    /// </summary>
    public static async Task HoldAsync(string[] args)
    {
        var count = int.Parse(args[Array.IndexOf(args, HoldFlag) + 1]);
        var hub = new Uri(args[Array.IndexOf(args, "--hub") + 1]);
        var tokens = new List<string>();
        while (Console.ReadLine() is { Length: > 0 } token) tokens.Add(token);

        var opened = new List<BareHubConnection>(count);
        var started = Stopwatch.StartNew();
        for (var i = 0; i < count; i += 50)
        {
            opened.AddRange(await Task.WhenAll(Enumerable.Range(i, Math.Min(50, count - i))
                .Select(j => BareHubConnection.ConnectAsync(hub, tokens[j % tokens.Count]))));
            if (opened.Count % 1000 == 0) Console.WriteLine($"{opened.Count} idle connections open after {started.Elapsed.TotalSeconds:F0} s");
        }

        Console.WriteLine("open");
        using var inputClosed = new CancellationTokenSource();
        var pinging = PingEvery15SecondsAsync(opened, inputClosed.Token);
        await Console.In.ReadToEndAsync();
        await inputClosed.CancelAsync();
        await pinging;
        foreach (var connection in opened) await connection.DisposeAsync();
    }

    /// <summary>Every 100 ms, a 150th of the connections ping: each every 15 s.</summary>
    private static async Task PingEvery15SecondsAsync(List<BareHubConnection> connections, CancellationToken stop)
    {
        const int Slices = 150;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        try
        {
            for (var tick = 0; await timer.WaitForNextTickAsync(stop); tick++)
            {
                var slice = new List<Task>();
                for (var i = tick % Slices; i < connections.Count; i += Slices) slice.Add(connections[i].PingAsync());
                await Task.WhenAll(slice);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The benchmark is over.
        }
        catch (Exception ex)
        {
            // Unpinged, the rest would be closed by the Host within 30 s: the run's idle count would be untrue.
            await Console.Error.WriteLineAsync($"An idle connection's keep-alive failed; the rest stop pinging: {ex.Message}");
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_holder is null) return;
        _holder.StandardInput.Close();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await _holder.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            _holder.Kill();
        }

        _holder.Dispose();
    }
}
