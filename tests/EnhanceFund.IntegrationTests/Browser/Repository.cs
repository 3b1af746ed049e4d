namespace EnhanceFund.IntegrationTests.Browser;

/// <summary>The checkout the tests were built from: its committed deployment files and web client are run as they are.</summary>
public static class Repository
{
    public static string Root { get; } = Find(AppContext.BaseDirectory);

    /// <summary>
    /// The Host <c>ENHANCEFUND_HOST_DLL</c> names (scripts/test.sh publishes one, compiled ahead of time as deployments
    /// run it), or else the one built with this project, in the same configuration:
    /// src/Host/EnhanceFund.Host/bin/&lt;configuration&gt;/&lt;framework&gt;.
    /// </summary>
    public static string BuiltHost()
    {
        if (Environment.GetEnvironmentVariable("ENHANCEFUND_HOST_DLL") is { Length: > 0 } published) return published;
        var output = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));
        var dll = Path.Combine(Root, "src", "Host", "EnhanceFund.Host", "bin", output.Parent!.Name, output.Name, "EnhanceFund.Host.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("The Host is built with the tests; build the solution first.", dll);
    }

    private static string Find(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "EnhanceFund.sln"))) return directory.FullName;
        }

        throw new InvalidOperationException($"No EnhanceFund.sln above {start}: run the tests from a checkout.");
    }
}
