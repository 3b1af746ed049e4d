using System.Text.RegularExpressions;
using EnhanceFund.Notifications.Domain;

namespace EnhanceFund.UnitTests.Notifications;

/// <summary>
/// The web client keeps its notification types in one list (web/src/notifications/types.js); it must be the server's,
/// in the server's order, or its filter and preferences would offer a type the API refuses, or miss one it sends.
/// </summary>
public sealed partial class WebNotificationTypesTests
{
    [Fact]
    public void The_web_clients_types_are_the_servers()
    {
        var source = File.ReadAllText(Path.Combine(RepositoryRoot(), "web", "src", "notifications", "types.js"));

        var web = TypeEntry().Matches(source).Select(m => (m.Groups["code"].Value, m.Groups["display"].Value)).ToList();

        Assert.Equal(NotificationType.All.Select(t => (t.Code, t.Display)), web);
    }

    // One entry per line: { code: 'fund_added', display: 'Fund Added', ... }
    [GeneratedRegex(@"\{\s*code:\s*'(?<code>[^']*)',\s*display:\s*'(?<display>[^']*)'")]
    private static partial Regex TypeEntry();

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "EnhanceFund.sln"))) return directory.FullName;
        throw new InvalidOperationException($"No EnhanceFund.sln above {AppContext.BaseDirectory}: run the tests from a checkout.");
    }
}
