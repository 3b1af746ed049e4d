using Microsoft.Playwright;

namespace EnhanceFund.IntegrationTests.Browser;

/// <summary>
/// One headless Chromium for every browser test: Debian's /usr/bin/chromium driven by Playwright's bundled
/// driver, so nothing is downloaded. Each test user gets a context of its own (its own localStorage, so its own
/// session); tabs of one user are pages of one context.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    private static readonly string ExecutablePath =
        Environment.GetEnvironmentVariable("ENHANCEFUND_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private IPlaywright _playwright = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // A real round trip on a shared 2-core machine can take a while; a wrong value still fails, later.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
    }

    /// <summary>A fresh browser profile pointed at a Host: another user, or the same user on another device.</summary>
    public Task<IBrowserContext> NewContextAsync(Uri host) =>
        Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 860 },
            Locale = "en-US",
        });

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}

/// <summary>
/// Browser tests run one at a time, after the parallel collections (xunit runs non-parallel collections last):
/// Chromium is heavy for a 2-core machine, and the one-second push assertion should not share it with a race test.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection : ICollectionFixture<Chromium>
{
    public const string Name = "Browser";
}
