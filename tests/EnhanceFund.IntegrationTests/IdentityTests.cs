using System.Net;
using EnhanceFund.IntegrationTests.Infrastructure;

namespace EnhanceFund.IntegrationTests;

public sealed class IdentityTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task Registering_signs_in_and_gives_an_empty_wallet_at_once()
    {
        var email = $"Mixed.Case-{Guid.NewGuid():N}@Example.test";
        var response = await ApiClient.Send(fixture.Http, HttpMethod.Post, "/api/auth/register/", null,
            new { email, password = "a-long-password", full_name = "Ada Lovelace", role = "borrower" });

        Assert.Equal(HttpStatusCode.Created, response.Status);
        Assert.Equal("Bearer", response.Data["token_type"]!.GetValue<string>());
        Assert.Equal(3600, response.Data["expires_in"]!.GetValue<int>());
        var user = response.Data["user"]!;
        Assert.Equal(email.ToLowerInvariant(), user["email"]!.GetValue<string>());
        Assert.Equal("borrower", user["role"]!.GetValue<string>());

        var client = await ApiClient.LogInAsync(fixture.Http, email.ToUpperInvariant(), "a-long-password");
        var me = await client.GetAsync("/api/auth/me");
        Assert.Equal("Ada Lovelace", me.Data["user"]!["full_name"]!.GetValue<string>());
        var wallet = (await client.GetAsync("/api/wallet")).Data["wallet"]!;
        Assert.Equal(0.00m, wallet["balance"]!.GetValue<decimal>());
        Assert.Equal("USD", wallet["currency"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_email_registers_once_and_a_wrong_password_is_a_401()
    {
        var user = await ApiClient.RegisterAsync(fixture.Http, email: $"once-{Guid.NewGuid():N}@example.test");
        var me = (await user.GetAsync("/api/auth/me")).Data["user"]!["email"]!.GetValue<string>();

        var again = await ApiClient.Send(fixture.Http, HttpMethod.Post, "/api/auth/register", null,
            new { email = me, password = "another-password", full_name = "Twin", role = "investor" });
        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        Assert.True(again.Errors.ContainsKey("email"));

        var wrong = await ApiClient.Send(fixture.Http, HttpMethod.Post, "/api/auth/login", null, new { email = me, password = "not-the-password" });
        var unknown = await ApiClient.Send(fixture.Http, HttpMethod.Post, "/api/auth/login", null, new { email = "nobody@example.test", password = "whatever-pass" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.Status);
        Assert.Equal(unknown.Text, wrong.Text);
    }

    [Theory]
    [InlineData("""{"email":"x","password":"long-enough","full_name":"A","role":"investor"}""", "email")]
    // An address is checked as it would be stored, trimmed: these have no local part, or no domain.
    [InlineData("""{"email":"   @example.test","password":"long-enough","full_name":"A","role":"investor"}""", "email")]
    [InlineData("""{"email":"someone@   ","password":"long-enough","full_name":"A","role":"investor"}""", "email")]
    [InlineData("""{"email":"a@b.test","password":"short","full_name":"A","role":"investor"}""", "password")]
    [InlineData("""{"email":"a@b.test","password":"long-enough","full_name":"  ","role":"investor"}""", "full_name")]
    [InlineData("""{"email":"a@b.test","password":"long-enough","full_name":"A","role":"admin"}""", "role")]
    [InlineData("""{"email":"a@b.test","password":"long-enough","full_name":"A"}""", "role")]
    [InlineData("""{"email":42,"password":"long-enough","full_name":"A","role":"investor"}""", "email")]
    public async Task Registration_rejects_bad_fields_by_name(string body, string field)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await fixture.Http.PostAsync("/api/auth/register", content);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"\"{field}\":[", text);
    }

    [Fact]
    public async Task The_configured_admin_exists_from_start_up()
    {
        var admin = await ApiClient.LogInAsync(fixture.Http, TestHost.AdminEmail, TestHost.AdminPassword);
        Assert.Equal("admin", (await admin.GetAsync("/api/auth/me")).Data["user"]!["role"]!.GetValue<string>());
    }
}
