using Microsoft.Playwright;

namespace EnhanceFund.IntegrationTests.Browser;

/// <summary>
/// Screenshots the browser tests leave behind for people to look at (scripts/test.sh puts them in artifacts/browser).
/// One of them, refreshed by hand when the client's look changes, is committed as docs/notification-center.png.
/// </summary>
public static class Artifacts
{
    public static readonly string Directory =
        Environment.GetEnvironmentVariable("ENHANCEFUND_ARTIFACTS") is { Length: > 0 } path
            ? path
            : Path.Combine(Path.GetTempPath(), "enhancefund-artifacts");

    public static Task ScreenshotAsync(IPage page, string name)
    {
        System.IO.Directory.CreateDirectory(Directory);
        return page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Directory, $"{name}.png") });
    }
}
