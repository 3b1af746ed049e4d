using System.Net;
using System.Security.Claims;
using System.Text;
using EnhanceFund.IntegrationTests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace EnhanceFund.IntegrationTests;

/// <summary>A token is refreshed within its sign-in's lifetime, and a live connection ends when its token does.</summary>
public sealed class SessionTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task A_token_is_refreshed_for_the_same_user_and_sign_in()
    {
        var user = await ApiClient.RegisterAsync(fixture.Http);
        var refreshed = await user.PostAsync("/api/auth/refresh");
        Assert.Equal(HttpStatusCode.OK, refreshed.Status);
        Assert.Equal("Token refreshed successfully", refreshed.Body["message"]!.GetValue<string>());
        Assert.Equal(user.UserId, refreshed.Data["user"]!["id"]!.GetValue<long>());
        Assert.Equal(3600, refreshed.Data["expires_in"]!.GetValue<int>());

        var token = refreshed.Data["access_token"]!.GetValue<string>();
        Assert.Equal(AuthTime(user.Token), AuthTime(token));
        var me = await new ApiClient(fixture.Http, token, user.UserId, user.Email).GetAsync("/api/auth/me");
        Assert.Equal(HttpStatusCode.OK, me.Status);
    }

    [Fact]
    public async Task A_sign_in_older_than_the_session_or_of_a_missing_user_is_not_refreshed()
    {
        var user = await ApiClient.RegisterAsync(fixture.Http);
        var stale = Sign(user.UserId, expires: TimeSpan.FromMinutes(10), signedInAgo: TimeSpan.FromHours(13));
        Assert.Equal(HttpStatusCode.Unauthorized, (await WithToken(stale).PostAsync("/api/auth/refresh")).Status);

        var ghost = Sign(userId: 987_654_321, expires: TimeSpan.FromMinutes(10), signedInAgo: TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.Unauthorized, (await WithToken(ghost).PostAsync("/api/auth/refresh")).Status);

        var undated = Sign(user.UserId, expires: TimeSpan.FromMinutes(10), signedInAgo: null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await WithToken(undated).PostAsync("/api/auth/refresh")).Status);
    }

    [Fact]
    public async Task A_token_refreshed_near_the_sessions_end_expires_with_the_session()
    {
        var user = await ApiClient.RegisterAsync(fixture.Http);
        // Signed in 11 h 50 min ago: 10 minutes of the 12-hour session are left, less than a token's hour.
        var late = Sign(user.UserId, expires: TimeSpan.FromMinutes(10), signedInAgo: TimeSpan.FromMinutes(11 * 60 + 50));

        var refreshed = await WithToken(late).PostAsync("/api/auth/refresh");
        Assert.Equal(HttpStatusCode.OK, refreshed.Status);
        var token = new JsonWebToken(refreshed.Data["access_token"]!.GetValue<string>());
        var sessionEnd = DateTimeOffset.FromUnixTimeSeconds(AuthTime(token.EncodedToken)).AddHours(12);
        Assert.Equal(sessionEnd.UtcDateTime, token.ValidTo);
        var expiresIn = refreshed.Data["expires_in"]!.GetValue<int>();
        Assert.InRange(expiresIn, 9 * 60, 10 * 60);
    }

    [Fact]
    public async Task A_hub_connection_is_closed_when_its_token_expires_while_one_with_time_left_stays()
    {
        var user = await ApiClient.RegisterAsync(fixture.Http);
        await using var expiring = await LiveClient.ConnectAsync(fixture.Host.Address, Sign(user.UserId, TimeSpan.FromSeconds(3), TimeSpan.Zero));
        await using var lasting = await LiveClient.ConnectAsync(fixture.Host.Address, user.Token);

        await expiring.Closed.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.False(lasting.Closed.Task.IsCompleted);
        await user.PostAsync("/api/wallet/deposits", new { amount = 1m });
        await lasting.NotificationsEventuallyAsync(1);
        Assert.Empty(expiring.Notifications);
    }

    private ApiClient WithToken(string token) => new(fixture.Http, token, 0, "");

    private static long AuthTime(string token) => long.Parse(new JsonWebToken(token).GetClaim("auth_time").Value);

    /// <summary>A token as the Host signs them, with the lifetimes a test needs.</summary>
    /// <remarks>Without <paramref name="signedInAgo"/>, neither auth_time nor iat: a token that says nothing of its sign-in.</remarks>
    private static string Sign(long userId, TimeSpan expires, TimeSpan? signedInAgo)
    {
        var now = DateTime.UtcNow;
        var claims = new List<Claim> { new("sub", userId.ToString()), new("role", "investor") };
        if (signedInAgo is { } ago)
            claims.Add(new Claim("auth_time", (now - ago).Subtract(DateTime.UnixEpoch).TotalSeconds.ToString("0"), ClaimValueTypes.Integer64));
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = signedInAgo is not null }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "enhancefund",
            Audience = "enhancefund-clients",
            IssuedAt = signedInAgo is null ? null : now,
            NotBefore = now.AddSeconds(-1),
            Expires = now + expires,
            Subject = new ClaimsIdentity(claims),
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Encoding.UTF8.GetBytes(TestHost.SigningKey)), SecurityAlgorithms.HmacSha256),
        });
    }
}
