using System.Diagnostics;
using System.Net;
using EnhanceFund.IntegrationTests.Infrastructure;

namespace EnhanceFund.IntegrationTests;

/// <summary>A Host whose rate limits count over 3 s instead of a minute, so a test can watch the window move.</summary>
public sealed class ShortWindowRateLimitFixture : HostFixture
{
    public const int Limit = 5;
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(3);

    protected override IDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["RateLimits:AuthRequestsPerMinute"] = Limit.ToString(),
        ["RateLimits:Window"] = Window.ToString(),
    };
}

public sealed class SlidingRateLimitTests(ShortWindowRateLimitFixture fixture) : IClassFixture<ShortWindowRateLimitFixture>
{
    [Fact]
    public async Task No_stretch_shorter_than_five_sixths_of_the_window_lets_more_than_the_limit_through()
    {
        const string client = "203.0.113.77";
        var clock = Stopwatch.StartNew();
        var passed = new List<TimeSpan>();
        // Each attempt timed when it is sent: the limiter admits it on arrival, before the sign-in's slow password
        // check, so the answer's own time would place it up to that check later.
        async Task TryAsync(int attempts)
        {
            var answers = await Task.WhenAll(Enumerable.Range(0, attempts).Select(async _ =>
                (SentAt: clock.Elapsed, Status: await RateLimitTests.LogInFromAsync(fixture.Http, client))));
            passed.AddRange(answers.Where(a => a.Status != HttpStatusCode.TooManyRequests).Select(a => a.SentAt));
        }

        // One attempt starts the client's window; the rest of the limit goes in its middle. A fixed window then
        // hands out the whole limit again at its edge, twice the limit within a second.
        await TryAsync(1);
        await Task.Delay(ShortWindowRateLimitFixture.Window / 2.4);
        await TryAsync(ShortWindowRateLimitFixture.Limit - 1);
        Assert.Equal(ShortWindowRateLimitFixture.Limit, passed.Count);
        while (clock.Elapsed < ShortWindowRateLimitFixture.Window * 1.8)
        {
            await TryAsync(1);
            await Task.Delay(50);
        }

        // The permits come back as the window slides past the attempts that took them...
        Assert.True(passed.Count > ShortWindowRateLimitFixture.Limit + 1, $"only {passed.Count} attempts passed in {clock.Elapsed}");
        // ...and never faster: five sixths of the window (0.3 s spared for the requests' travel to the limiter).
        var stretch = ShortWindowRateLimitFixture.Window * 5 / 6 - TimeSpan.FromMilliseconds(300);
        foreach (var end in passed)
        {
            var inStretch = passed.Count(t => t > end - stretch && t <= end);
            Assert.True(inStretch <= ShortWindowRateLimitFixture.Limit,
                $"{inStretch} attempts passed in the {stretch.TotalSeconds:0.0} s up to {end.TotalSeconds:0.00} s: {string.Join(", ", passed.Select(t => t.TotalSeconds.ToString("0.00")))}");
        }
    }

    [Fact]
    public async Task A_429_says_to_retry_after_the_next_slide_of_the_window()
    {
        await Task.WhenAll(Enumerable.Range(0, ShortWindowRateLimitFixture.Limit).Select(_ => RateLimitTests.LogInFromAsync(fixture.Http, "203.0.113.78")));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { email = "nobody@example.test", password = "wrong-password" }),
        };
        request.Headers.Add("X-Forwarded-For", "203.0.113.78");
        using var response = await fixture.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta); // a sixth of 3 s, rounded up
    }
}
