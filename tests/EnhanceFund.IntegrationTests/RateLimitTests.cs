using System.Net;
using EnhanceFund.IntegrationTests.Infrastructure;

namespace EnhanceFund.IntegrationTests;

public sealed class StrictRateLimitFixture : HostFixture
{
    public const int PerMinute = 5;
    public const int WritesPerMinute = 3;

    protected override IDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["RateLimits:AuthRequestsPerMinute"] = PerMinute.ToString(),
        ["RateLimits:WritesPerUserPerMinute"] = WritesPerMinute.ToString(),
    };
}

/// <summary>A Host that trusts only a proxy network the tests do not come from.</summary>
public sealed class UntrustedProxyFixture : HostFixture
{
    protected override IDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["RateLimits:AuthRequestsPerMinute"] = StrictRateLimitFixture.PerMinute.ToString(),
        ["Proxy:KnownNetworks"] = "10.0.0.0/8",
    };
}

public sealed class UntrustedProxyTests(UntrustedProxyFixture fixture) : IClassFixture<UntrustedProxyFixture>
{
    [Fact]
    public async Task A_client_not_behind_a_trusted_proxy_cannot_pick_its_address_with_X_Forwarded_For()
    {
        for (var i = 0; i < StrictRateLimitFixture.PerMinute; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, await RateLimitTests.LogInFromAsync(fixture.Http, $"203.0.113.{i + 1}"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await RateLimitTests.LogInFromAsync(fixture.Http, "203.0.113.99"));
    }
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

    [Fact]
    public async Task Behind_the_trusted_proxy_one_clients_failed_sign_ins_never_429_another_client()
    {
        for (var i = 0; i < StrictRateLimitFixture.PerMinute; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, await LogInFromAsync(fixture.Http, "203.0.113.10"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await LogInFromAsync(fixture.Http, "203.0.113.10"));
        // The header as a proxy writes it, after one the client sent: only the proxy's entry, the last, counts.
        Assert.Equal(HttpStatusCode.TooManyRequests, await LogInFromAsync(fixture.Http, "198.51.100.7, 203.0.113.10"));
        Assert.Equal(HttpStatusCode.Unauthorized, await LogInFromAsync(fixture.Http, "203.0.113.20"));
        Assert.Equal(HttpStatusCode.Unauthorized, await LogInFromAsync(fixture.Http, "203.0.113.10, 203.0.113.21"));
    }

    [Fact]
    public async Task An_IPv6_client_is_limited_by_its_slash_64_so_it_cannot_take_a_new_address_per_guess()
    {
        for (var i = 0; i < StrictRateLimitFixture.PerMinute; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, await LogInFromAsync(fixture.Http, $"2001:db8:5:6::{i + 1:x}"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await LogInFromAsync(fixture.Http, "2001:db8:5:6:ffff:ffff:ffff:ffff"));
        Assert.Equal(HttpStatusCode.Unauthorized, await LogInFromAsync(fixture.Http, "2001:db8:5:7::1"));
    }

    [Fact]
    public async Task Money_writes_are_limited_per_user_while_another_user_and_reads_go_on()
    {
        var (first, second) = (await RegisterFromAsync("203.0.113.50"), await RegisterFromAsync("203.0.113.51"));
        for (var i = 0; i < StrictRateLimitFixture.WritesPerMinute; i++)
            Assert.Equal(HttpStatusCode.Created, (await first.PostAsync("/api/wallet/deposits", new { amount = 10m })).Status);

        var limited = await first.PostAsync("/api/wallet/withdrawals", new { amount = 1m });
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        Assert.Equal("Too many requests to move money or lend; wait a minute and try again.", limited.Body["message"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.TooManyRequests, (await first.PostAsync("/api/loans", new { amount = 100m, interest_rate = 5m, term_months = 6, purpose = "x" })).Status);

        Assert.Equal(30.00m, await first.BalanceAsync());
        Assert.Equal(HttpStatusCode.Created, (await second.PostAsync("/api/wallet/deposits", new { amount = 10m })).Status);
    }

    internal static async Task<HttpStatusCode> LogInFromAsync(HttpClient http, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { email = "nobody@example.test", password = "wrong-password" }),
        };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    // Sign-ups from addresses of their own: this class's other test spends the loopback address's sign-in budget.
    private async Task<ApiClient> RegisterFromAsync(string forwardedFor)
    {
        var email = $"writer-{Guid.NewGuid():N}@example.test";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/register")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { email, password = ApiClient.Password, full_name = "Writer", role = "borrower" }),
        };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await fixture.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var data = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!["data"]!;
        return new ApiClient(fixture.Http, data["access_token"]!.GetValue<string>(), data["user"]!["id"]!.GetValue<long>(), email);
    }
}
