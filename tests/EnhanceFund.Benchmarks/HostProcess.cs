using System.Diagnostics;
using System.Net;
using EnhanceFund.IntegrationTests.Browser;
using EnhanceFund.IntegrationTests.Infrastructure;

namespace EnhanceFund.Benchmarks;

/// <summary>
/// The Host as it is deployed: its own build (<see cref="Repository.BuiltHost"/>) in a process of its own, with its
/// own runtime settings (the server collector of a web project), its own thread pool and heap, on a free loopback
/// port, configured like the tests' Hosts. The benchmark's client shares no collector and no thread pool with it, only the machine's cores.
/// Its output goes to a log file, which the benchmark's first line names.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private const string HostOnlyPrefix = "HOST_";
    private readonly Process _process;
    private readonly StreamWriter _log;

    private HostProcess(Process process, Uri address, StreamWriter log, string logPath)
    {
        _process = process;
        _log = log;
        Address = address;
        LogPath = logPath;
        Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri Address { get; }

    public HttpClient Http { get; }

    public int Pid => _process.Id;

    public string LogPath { get; }

    /// <summary>CPU the Host's process has used so far.</summary>
    public TimeSpan Cpu
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>The Host's resident memory now, in MB.</summary>
    public double ResidentMegabytes
    {
        get
        {
            _process.Refresh();
            return _process.WorkingSet64 / 1048576.0;
        }
    }

    /// <summary>Starts the Host's build and returns once it answers <c>/health/ready</c> (migrations applied).</summary>
    public static async Task<HostProcess> StartAsync(string postgres, string redis, string log)
    {
        var address = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Repository.BuiltHost());
        start.ArgumentList.Add($"--urls={address}");
        foreach (var (key, value) in TestHost.Settings(postgres, redis, $"bench-{Guid.NewGuid():N}")) start.ArgumentList.Add($"--{key}={value}");
        foreach (var (name, value) in HostOnlyVariables()) start.Environment[name] = value;
        var output = new StreamWriter(log) { AutoFlush = true };
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, line) => Write(output, line.Data);
        process.ErrorDataReceived += (_, line) => Write(output, line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var host = new HostProcess(process, address, output, log);
        var deadline = Stopwatch.StartNew();
        while (!await host.IsReadyAsync())
        {
            if (process.HasExited || deadline.Elapsed > StartTimeout)
            {
                await host.DisposeAsync();
                throw new InvalidOperationException($"The Host did not become ready (exit code {(process.HasExited ? process.ExitCode : "none")}); its log: {log}");
            }

            await Task.Delay(200);
        }

        return host;
    }

    /// <summary>
    /// <c>HOST_DOTNET_X=1</c> in the benchmark's environment sets <c>DOTNET_X=1</c> for the Host alone: a runtime
    /// setting tried on the Host, not on the client (every other variable reaches both).
    /// </summary>
    private static IEnumerable<(string Name, string? Value)> HostOnlyVariables() =>
        Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .Select(variable => (Name: (string)variable.Key, Value: (string?)variable.Value))
            .Where(variable => variable.Name.StartsWith(HostOnlyPrefix, StringComparison.Ordinal))
            .Select(variable => (variable.Name[HostOnlyPrefix.Length..], variable.Value));

    private static void Write(StreamWriter output, string? line)
    {
        if (line is null) return;
        lock (output) output.WriteLine(line);
    }

    private async Task<bool> IsReadyAsync()
    {
        try
        {
            return (await Http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited) _process.Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
        await _log.DisposeAsync();
    }
}
