using System.Diagnostics;
using System.Net;
using System.Text;
using EnhanceFund.IntegrationTests.Infrastructure;

namespace EnhanceFund.IntegrationTests.Browser;

/// <summary>
/// A server the browser talks to in front of the Hosts (nginx, the web client's dev server): started on a free
/// loopback port, awaited until it forwards a health check, killed with the fixture.
/// </summary>
public sealed class FrontProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private FrontProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    /// <summary>Where the browser goes.</summary>
    public Uri Address { get; }

    public static async Task<FrontProcess> StartAsync(ProcessStartInfo start, int port)
    {
        // Read its output as it comes, so a chatty server never blocks on a full pipe, and a failure can say why.
        start.RedirectStandardOutput = start.RedirectStandardError = true;
        var front = new FrontProcess(new Process { StartInfo = start }, new Uri($"http://127.0.0.1:{port}/"));
        front._process.OutputDataReceived += (_, line) => front.Record(line.Data);
        front._process.ErrorDataReceived += (_, line) => front.Record(line.Data);
        front._process.Start();
        front._process.BeginOutputReadLine();
        front._process.BeginErrorReadLine();

        using var probe = new HttpClient { BaseAddress = front.Address };
        await Eventually.ReturnsAsync(
            async () =>
            {
                if (front._process.HasExited) throw new InvalidOperationException($"{start.FileName} exited: {front.Output}");
                try { return (await probe.GetAsync("/health/live")).StatusCode; }
                catch (HttpRequestException) { return HttpStatusCode.ServiceUnavailable; }
            },
            status => status == HttpStatusCode.OK, $"{start.FileName} forwarding to the Host");
        return front;
    }

    private string Output { get { lock (_output) return _output.ToString(); } }

    private void Record(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
