using System.Net;
using EnhanceFund.IntegrationTests.Infrastructure;

namespace EnhanceFund.IntegrationTests;

public sealed class StrictRateLimitFixture : HostFixture
{
    public const int PerMinute = 5;

    protected override IDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["RateLimits:AuthRequestsPerMinute"] = PerMinute.ToString(),
    };
}

public sealed class RateLimitTests(StrictRateLimitFixture fixture) : IClassFixture<StrictRateLimitFixture>
{
    [Fact]
    public async Task Guessing_passwords_at_speed_is_a_429_in_the_envelope_while_signed_in_calls_go_on()
    {
        var user = await ApiClient.RegisterAsync(fixture.Http);
        var me = (await user.GetAsync("/api/auth/me")).Data["user"]!["email"]!.GetValue<string>();

        var guesses = new List<ApiResponse>();
        for (var i = 0; i < StrictRateLimitFixture.PerMinute + 2; i++)
            guesses.Add(await ApiClient.Send(fixture.Http, HttpMethod.Post, "/api/auth/login", null, new { email = me, password = $"guess-{i}-xx" }));

        Assert.Equal(StrictRateLimitFixture.PerMinute - 1, guesses.Count(g => g.Status == HttpStatusCode.Unauthorized));
        var limited = guesses.Where(g => g.Status == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(3, limited.Count);
        Assert.All(limited, l => Assert.Equal(0, l.Body["code"]!.GetValue<int>()));

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { email = me, password = "correct-horse-battery" }),
        };
        using var response = await fixture.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(response.Headers.RetryAfter is not null, "a 429 says when to retry");

        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/api/auth/me")).Status);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/api/wallet")).Status);
    }
}
