namespace EnhanceFund.IntegrationTests.Browser;

/// <summary>The checkout the tests were built from: its committed deployment files and web client are run as they are.</summary>
public static class Repository
{
    public static string Root { get; } = Find(AppContext.BaseDirectory);

    private static string Find(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "EnhanceFund.sln"))) return directory.FullName;
        }

        throw new InvalidOperationException($"No EnhanceFund.sln above {start}: run the tests from a checkout.");
    }
}
