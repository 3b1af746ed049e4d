using System.Diagnostics;
using System.Text;

namespace EnhanceFund.IntegrationTests.Infrastructure;

/// <summary>Runs one of the repository's scripts (or any program) to its end, within a deadline, and hands back what it printed.</summary>
public static class Shell
{
    public sealed record Outcome(int ExitCode, string Output, string Errors)
    {
        public Outcome Succeeded(string what) =>
            ExitCode == 0 ? this : throw new InvalidOperationException($"{what} exited {ExitCode}:\n{Output}\n{Errors}");
    }

    public static async Task<Outcome> RunAsync(
        string program, IEnumerable<string> arguments, TimeSpan deadline, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = Browser.Repository.Root,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;

        using var process = new Process { StartInfo = start };
        var (output, errors) = (new StringBuilder(), new StringBuilder());
        process.OutputDataReceived += (_, line) => Append(output, line.Data);
        process.ErrorDataReceived += (_, line) => Append(errors, line.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(deadline);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} still running after {deadline}:\n{Text(output)}\n{Text(errors)}");
        }

        // WaitForExitAsync also waits for the end of both streams, so what was printed is all here.
        return new Outcome(process.ExitCode, Text(output), Text(errors));
    }

    private static void Append(StringBuilder text, string? line)
    {
        if (line is null) return;
        lock (text) text.AppendLine(line);
    }

    private static string Text(StringBuilder text)
    {
        lock (text) return text.ToString();
    }
}
