using System.Net;
using EnhanceFund.Identity.Domain;
using EnhanceFund.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace EnhanceFund.IntegrationTests;

/// <summary>A Host whose password hasher counts its verifications.</summary>
public sealed class CountingHasherFixture : HostFixture
{
    public CountingHasher Hasher { get; } = new();

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IPasswordHasher<User>>(Hasher);
}

public sealed class CountingHasher : IPasswordHasher<User>
{
    private readonly PasswordHasher<User> _real = new();
    private int _verifications;

    public int Verifications => Volatile.Read(ref _verifications);

    public string HashPassword(User user, string password) => _real.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(User user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _verifications);
        return _real.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

public sealed class SignInHardeningTests(CountingHasherFixture fixture) : IClassFixture<CountingHasherFixture>
{
    [Fact]
    public async Task An_unknown_email_costs_the_same_password_check_as_a_wrong_password()
    {
        var user = await ApiClient.RegisterAsync(fixture.Http);

        var before = fixture.Hasher.Verifications;
        var wrongPassword = await LogInAsync(user.Email, "not-the-password");
        var afterWrongPassword = fixture.Hasher.Verifications;
        var unknownEmail = await LogInAsync($"nobody-{Guid.NewGuid():N}@example.test", "not-the-password");
        var afterUnknownEmail = fixture.Hasher.Verifications;

        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, unknownEmail.Status);
        Assert.Equal(wrongPassword.Text, unknownEmail.Text);
        Assert.Equal(1, afterWrongPassword - before);
        Assert.Equal(1, afterUnknownEmail - afterWrongPassword);
    }

    private Task<ApiResponse> LogInAsync(string email, string password) =>
        ApiClient.Send(fixture.Http, HttpMethod.Post, "/api/auth/login", token: null, new { email, password });
}
