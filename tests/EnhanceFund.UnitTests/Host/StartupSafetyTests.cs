using EnhanceFund.BuildingBlocks.Web.Auth;
using EnhanceFund.Host;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EnhanceFund.UnitTests.Host;

/// <summary>Configuration mistakes stop the start, before anything listens or connects.</summary>
public sealed class StartupSafetyTests
{
    private const string UnusedDatabase = "Host=127.0.0.1;Port=1;Database=never;Username=never;Password=never";

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    [InlineData("Testing")]
    public async Task Outside_Development_a_missing_signing_key_stops_the_start_and_names_the_setting(string environment)
    {
        await using var app = Build(environment);

        var refusal = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
        Assert.Contains("set Jwt__SigningKey", refusal.Message);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task Outside_Development_the_development_key_is_refused(string environment)
    {
        await using var app = Build(environment, $"--Jwt:SigningKey={JwtOptions.DevelopmentSigningKey}");

        var refusal = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
        Assert.Contains("development key is for Development only", refusal.Message);
    }

    [Fact]
    public async Task Development_uses_the_development_key_from_its_own_settings_file()
    {
        await using var app = Build("Development");

        var jwt = app.Services.GetRequiredService<IOptions<JwtOptions>>().Value;
        Assert.Equal(JwtOptions.DevelopmentSigningKey, jwt.SigningKey);
    }

    [Fact]
    public async Task A_signing_key_shorter_than_32_bytes_is_refused_everywhere()
    {
        await using var app = Build("Development", "--Jwt:SigningKey=too-short");

        var refusal = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
        Assert.Contains("at least 32 bytes", refusal.Message);
    }

    private static Microsoft.AspNetCore.Builder.WebApplication Build(string environment, params string[] more) =>
        EnhanceFundApp.Build(
            [$"--environment={environment}", $"--ConnectionStrings:Postgres={UnusedDatabase}", "--urls=http://127.0.0.1:0", .. more]);
}
