using EnhanceFund.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EnhanceFund.IntegrationTests.Browser;

/// <summary>
/// The deployment shape: the web client through nginx in front of two instances. The hub holds a WebSocket to
/// one instance; requests land on either; every push reaches the page once, whichever instance relayed it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BehindNginxTests(Chromium chromium, NginxFixture fixture) : IClassFixture<NginxFixture>, IAsyncLifetime
{
    private readonly List<string> _webSockets = [];
    private int _framesReceived;
    private IBrowserContext _context = null!;

    public async Task InitializeAsync()
    {
        _context = await chromium.NewContextAsync(fixture.Address);
        _context.Page += (_, page) => page.WebSocket += (_, socket) =>
        {
            _webSockets.Add(socket.Url);
            socket.FrameReceived += (_, _) => Interlocked.Increment(ref _framesReceived);
        };
    }

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public async Task Through_nginx_to_two_instances_every_push_reaches_the_page_once_over_a_websocket()
    {
        var email = $"nginx-{Guid.NewGuid():N}@example.test";
        var user = await ApiClient.RegisterAsync(fixture.Http, "investor", email);
        var app = await WebApp.SignInAsync(_context, email);
        Assert.Contains(_webSockets, url => url.StartsWith($"ws://127.0.0.1:{fixture.Address.Port}/hubs/notifications", StringComparison.Ordinal));

        // Through nginx from the page, then straight to each instance: some of these land on the instance that
        // does not hold the page's WebSocket, and reach it over the Redis backplane.
        await app.DepositAsync(1m);
        await app.ExpectBalanceAsync(1m);
        await app.DepositAsync(2m);
        await app.ExpectBalanceAsync(3m);
        await user.PostAsync("/api/wallet/deposits", new { amount = 4m });
        await user.Via(fixture.Other.Http).PostAsync("/api/wallet/deposits", new { amount = 8m });

        await app.ExpectUnreadAsync(4);
        await app.ExpectBalanceAsync(15m);
        await app.OpenNotificationsAsync();
        var listed = await Eventually.ReturnsAsync(app.ListedAsync, l => l.Count >= 4, "four notifications listed");
        var stored = (await user.NotificationsAsync()).Select(n => n!["id"]!.GetValue<long>());
        Assert.Equal(stored, listed.Select(n => n.Id));
        await Expect(app.Connection).ToHaveAttributeAsync("data-state", "connected");
        // The pushes came over the WebSocket nginx upgraded, not a fallback transport.
        Assert.Single(_webSockets);
        Assert.True(_framesReceived >= 8, $"{_framesReceived} WebSocket frames received; four pushes and four counts expected");
        Assert.Empty(app.PageErrors);
    }
}
