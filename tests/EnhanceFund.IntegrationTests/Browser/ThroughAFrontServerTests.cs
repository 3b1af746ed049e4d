using EnhanceFund.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EnhanceFund.IntegrationTests.Browser;

/// <summary>Hosts with a server in front that the browser talks to, as it will in production or development.</summary>
public interface IFrontedHosts
{
    /// <summary>Where the browser goes: the front server, which forwards to the Hosts.</summary>
    Uri Address { get; }

    HttpClient Http { get; }

    /// <summary>Every Host behind the front server, each reachable directly too.</summary>
    IReadOnlyList<TestHost> Instances { get; }
}

/// <summary>
/// The web client through a front server: the hub holds one WebSocket through it; requests made through it or
/// straight to any instance behind it all reach the page, once each, over that WebSocket.
/// </summary>
public abstract class ThroughAFrontServerTests<TFixture>(Chromium chromium, TFixture fixture) : IClassFixture<TFixture>, IAsyncLifetime
    where TFixture : class, IFrontedHosts
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

    protected TFixture Fixture => fixture;

    [Fact]
    public async Task Every_push_reaches_the_page_once_over_the_websocket_through_the_front_server()
    {
        var user = await ApiClient.RegisterAsync(fixture.Http);
        var app = await WebApp.SignInAsync(_context, user.Email);
        Assert.Contains(_webSockets, url => url.StartsWith($"ws://127.0.0.1:{fixture.Address.Port}/hubs/notifications", StringComparison.Ordinal));

        // Through the front server from the page, then straight to each instance: with two instances, some of
        // these land on the one that does not hold the page's WebSocket and reach it over the Redis backplane.
        await app.DepositAsync(1m);
        await app.ExpectBalanceAsync(1m);
        await app.DepositAsync(2m);
        await app.ExpectBalanceAsync(3m);
        var deposits = 2;
        var balance = 3m;
        foreach (var instance in fixture.Instances)
        {
            var amount = 4m * deposits++;
            await user.Via(instance.Http).PostAsync("/api/wallet/deposits", new { amount });
            balance += amount;
        }

        await app.ExpectUnreadAsync(deposits);
        await app.ExpectBalanceAsync(balance);
        await app.OpenNotificationsAsync();
        var listed = await Eventually.ReturnsAsync(app.ListedAsync, l => l.Count >= deposits, $"{deposits} notifications listed");
        var stored = (await user.NotificationsAsync()).Ids();
        Assert.Equal(stored, listed.Select(n => n.Id));
        await Expect(app.Connection).ToHaveAttributeAsync("data-state", "connected");
        // The pushes came over the WebSocket the front server upgraded, not a fallback transport.
        Assert.Single(_webSockets);
        // Every notification is its own frame; unread counts queued close together coalesce (the newest wins), so at
        // least one count came too.
        Assert.True(_framesReceived >= deposits + 1, $"{_framesReceived} WebSocket frames received; {deposits} pushes and at least one count expected");
        Assert.Empty(app.PageErrors);
    }
}

/// <summary>The deployment: the committed deploy/nginx.conf in front of two instances.</summary>
[Collection(BrowserCollection.Name)]
public sealed class BehindNginxTests(Chromium chromium, NginxFixture fixture)
    : ThroughAFrontServerTests<NginxFixture>(chromium, fixture)
{
    // Prometheus scrapes each instance directly (deploy/prometheus.yml); nginx hides the path from everyone else
    // however it is spelled, as the Host's routing ignores case and a trailing slash.
    [Theory]
    [InlineData("/metrics")]
    [InlineData("/metrics/")]
    [InlineData("/METRICS")]
    [InlineData("/Metrics/")]
    public async Task Metrics_are_not_served_through_nginx_however_the_path_is_spelled(string path)
    {
        using var direct = await Fixture.Instances[0].Http.GetAsync(path);
        Assert.Equal(System.Net.HttpStatusCode.OK, direct.StatusCode);

        using var front = new HttpClient { BaseAddress = Fixture.Address };
        var hidden = await ApiClient.Send(front, HttpMethod.Get, path, token: null);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, hidden.Status);
        Assert.Equal("The requested resource was not found.", hidden.Body["message"]!.GetValue<string>());
    }

    // nginx refuses a body over the limit before any instance sees it: in the API's envelope, not an HTML page.
    [Fact]
    public async Task A_body_over_the_limit_is_refused_by_nginx_in_the_apis_envelope()
    {
        var user = await ApiClient.RegisterAsync(Fixture.Http);
        using var front = new HttpClient { BaseAddress = Fixture.Address };
        var tooLarge = await user.Via(front).PostRawAsync(
            "/api/wallet/deposits", $$"""{"amount": 10, "padding": "{{new string('x', 70_000)}}"}""");

        Assert.Equal(System.Net.HttpStatusCode.RequestEntityTooLarge, tooLarge.Status);
        Assert.Equal(0, tooLarge.Body["code"]!.GetValue<int>());
        Assert.Equal("The request body is too large.", tooLarge.Body["message"]!.GetValue<string>());
        Assert.Equal(0m, await user.Via(front).BalanceAsync());
    }
}

/// <summary>A frontend developer's set-up: `npm run dev` in web/ in front of one Host.</summary>
[Collection(BrowserCollection.Name)]
public sealed class BehindTheDevServerTests(Chromium chromium, DevServerFixture fixture)
    : ThroughAFrontServerTests<DevServerFixture>(chromium, fixture);
