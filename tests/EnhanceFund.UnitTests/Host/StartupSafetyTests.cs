using EnhanceFund.BuildingBlocks.Web.Auth;
using EnhanceFund.Host;
using Microsoft.Extensions.Options;

namespace EnhanceFund.UnitTests.Host;

/// <summary>Configuration mistakes stop the start, before anything listens or connects.</summary>
public sealed class StartupSafetyTests
{
    private const string UnusedDatabase = "Host=127.0.0.1;Port=1;Database=never;Username=never;Password=never";

    [Fact]
    public async Task Production_refuses_the_development_signing_key()
    {
        await using var app = EnhanceFundApp.Build(
            ["--environment=Production", $"--ConnectionStrings:Postgres={UnusedDatabase}", "--urls=http://127.0.0.1:0"]);

        var refusal = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
        Assert.Contains("development key", refusal.Message);
        Assert.Equal(JwtOptions.DevelopmentSigningKey, app.Configuration["Jwt:SigningKey"]);
    }

    [Fact]
    public async Task A_signing_key_shorter_than_32_bytes_is_refused_everywhere()
    {
        await using var app = EnhanceFundApp.Build(
            ["--environment=Development", $"--ConnectionStrings:Postgres={UnusedDatabase}", "--Jwt:SigningKey=too-short",
             "--urls=http://127.0.0.1:0"]);

        var refusal = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
        Assert.Contains("at least 32 bytes", refusal.Message);
    }
}
