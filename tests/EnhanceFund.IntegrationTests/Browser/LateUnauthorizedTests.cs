using EnhanceFund.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace EnhanceFund.IntegrationTests.Browser;

/// <summary>
/// A 401 that answers a request of a session already left (the user signed out, and someone else signed in since)
/// says nothing about the session now open: the user now signed in stays signed in.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LateUnauthorizedTests(Chromium chromium) : IAsyncLifetime
{
    private const string Refused = """{"code":0,"message":"Your session has expired. Please sign in again.","errors":{}}""";

    private TestHost _host = null!;
    private IBrowserContext _context = null!;

    public async Task InitializeAsync()
    {
        var servers = await TestServers.GetAsync();
        _host = await TestHost.StartAsync(await servers.CreateDatabaseAsync(), servers.Redis, $"late-401-{Guid.NewGuid():N}");
        _context = await chromium.NewContextAsync(_host.Address);
    }

    public async Task DisposeAsync()
    {
        await _context.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task A_401_for_the_previous_users_request_does_not_sign_out_the_next_user()
    {
        var first = await ApiClient.RegisterAsync(_host.Http);
        var next = await ApiClient.RegisterAsync(_host.Http);
        // The first user's catch-up (the first request with after_seq) is held, then refused once the next user is in.
        var held = 0;
        var catchUpSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var refuse = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await _context.RouteAsync(url => url.Contains("after_seq=", StringComparison.Ordinal), async route =>
        {
            if (Interlocked.Exchange(ref held, 1) == 1)
            {
                await route.ContinueAsync();
                return;
            }

            catchUpSent.TrySetResult();
            await refuse.Task;
            await route.FulfillAsync(new() { Status = 401, ContentType = "application/json", Body = Refused });
        });
        var refusalAnswered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _context.Response += (_, response) =>
        {
            if (response.Url.Contains("after_seq=", StringComparison.Ordinal) && response.Status == 401) refusalAnswered.TrySetResult();
        };

        var app = await WebApp.SignInAsync(_context, first.Email);
        await catchUpSent.Task.WaitAsync(TimeSpan.FromSeconds(15));
        await app.SwitchUserAsync(next.Email);

        refuse.SetResult();
        await refusalAnswered.Task.WaitAsync(TimeSpan.FromSeconds(15));

        // The refusal has reached the page; for a few seconds the next user must stay signed in.
        var watchUntil = DateTime.UtcNow + TimeSpan.FromSeconds(3);
        while (DateTime.UtcNow < watchUntil)
        {
            Assert.True(await app.Page.GetByTestId("current-user").IsVisibleAsync(), "the next user was signed out");
            await Task.Delay(100);
        }

        Assert.False(await app.Page.GetByTestId("login-button").IsVisibleAsync());
        Assert.Contains(next.Email, await app.Page.EvaluateAsync<string>("() => localStorage.getItem('enhancefund.session')"));
        Assert.Empty(app.PageErrors);
    }
}
