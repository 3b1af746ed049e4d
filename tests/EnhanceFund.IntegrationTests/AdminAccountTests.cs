using System.Net;
using EnhanceFund.IntegrationTests.Infrastructure;

namespace EnhanceFund.IntegrationTests;

/// <summary>
/// The configured admin is the only one, with the configured password: a restart with a new Admin__Password or
/// Admin__Email ends what the old credentials could do, tokens already issued included.
/// </summary>
public sealed class AdminAccountTests
{
    private const string AdminRoute = "/api/admin/parked-messages";

    [Fact]
    public async Task A_restart_with_a_new_admin_password_rotates_it_and_ends_the_earlier_sign_ins()
    {
        var (postgres, redis, prefix) = await NewDatabaseAsync();
        ApiClient before;
        await using (var first = await TestHost.StartAsync(postgres, redis, prefix))
        {
            before = await ApiClient.LogInAsync(first.Http, TestHost.AdminEmail, TestHost.AdminPassword);
            Assert.Equal(HttpStatusCode.OK, (await before.GetAsync(AdminRoute)).Status);
        }

        // Sign-ins are dated to the second: one in the same second as the change would count as after it.
        await UntilTheNextSecondAsync();

        const string rotated = "a-rotated-admin-password-0123";
        await using var second = await TestHost.StartAsync(postgres, redis, prefix,
            settings: new Dictionary<string, string> { ["Admin:Password"] = rotated });

        var withNew = await LogInAsync(second, TestHost.AdminEmail, rotated);
        Assert.Equal(HttpStatusCode.OK, withNew.Status);
        Assert.Equal("admin", withNew.Data["user"]!["role"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, (await LogInAsync(second, TestHost.AdminEmail, TestHost.AdminPassword)).Status);

        var oldToken = before.Via(second.Http);
        Assert.Equal(HttpStatusCode.Unauthorized, (await oldToken.GetAsync(AdminRoute)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await oldToken.PostAsync("/api/auth/refresh")).Status);
        var newToken = await ApiClient.LogInAsync(second.Http, TestHost.AdminEmail, rotated);
        Assert.Equal(HttpStatusCode.OK, (await newToken.GetAsync(AdminRoute)).Status);
        Assert.Equal(HttpStatusCode.OK, (await newToken.PostAsync("/api/auth/refresh")).Status);
    }

    [Fact]
    public async Task A_restart_with_a_new_admin_email_retires_the_former_admin_until_it_is_configured_again()
    {
        var (postgres, redis, prefix) = await NewDatabaseAsync();
        ApiClient former;
        await using (var first = await TestHost.StartAsync(postgres, redis, prefix))
            former = await ApiClient.LogInAsync(first.Http, TestHost.AdminEmail, TestHost.AdminPassword);

        var successor = $"successor-{Guid.NewGuid():N}@example.test";
        const string successorPassword = "the-successors-admin-password-42";
        var successorSettings = new Dictionary<string, string> { ["Admin:Email"] = successor, ["Admin:Password"] = successorPassword };
        await using (var second = await TestHost.StartAsync(postgres, redis, prefix, settings: successorSettings))
        {
            var signedIn = await LogInAsync(second, successor, successorPassword);
            Assert.Equal(HttpStatusCode.OK, signedIn.Status);
            Assert.Equal("admin", signedIn.Data["user"]!["role"]!.GetValue<string>());

            // The former admin's password now answers exactly as a wrong one does.
            var retired = await LogInAsync(second, TestHost.AdminEmail, TestHost.AdminPassword);
            var wrong = await LogInAsync(second, successor, "not-the-password");
            Assert.Equal(HttpStatusCode.Unauthorized, retired.Status);
            Assert.Equal(wrong.Text, retired.Text);

            var formerToken = former.Via(second.Http);
            Assert.Equal(HttpStatusCode.Unauthorized, (await formerToken.GetAsync(AdminRoute)).Status);
            Assert.Equal(HttpStatusCode.Unauthorized, (await formerToken.PostAsync("/api/auth/refresh")).Status);
        }

        // Configured again, the former admin is the admin again, and its successor is retired in turn. What it had
        // signed in to before its retirement stays ended: a token taken from it then does not come back with it.
        // Sign-ins and what ends them are dated to the second, and one in the reinstatement's own second stands: the
        // reinstatement waits for a second after the former sign-in's, as any real one comes long after.
        await UntilTheNextSecondAsync();
        await using var third = await TestHost.StartAsync(postgres, redis, prefix);
        var again = await ApiClient.LogInAsync(third.Http, TestHost.AdminEmail, TestHost.AdminPassword);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync(AdminRoute)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await LogInAsync(third, successor, successorPassword)).Status);
        var fromBeforeItsRetirement = former.Via(third.Http);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fromBeforeItsRetirement.GetAsync(AdminRoute)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fromBeforeItsRetirement.PostAsync("/api/auth/refresh")).Status);
    }

    private static async Task UntilTheNextSecondAsync()
    {
        var second = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        while (DateTimeOffset.UtcNow.ToUnixTimeSeconds() == second) await Task.Delay(20);
    }

    private static async Task<(string Postgres, string Redis, string Prefix)> NewDatabaseAsync()
    {
        var servers = await TestServers.GetAsync();
        return (await servers.CreateDatabaseAsync(), servers.Redis, $"admin-{Guid.NewGuid():N}");
    }

    private static Task<ApiResponse> LogInAsync(TestHost host, string email, string password) =>
        ApiClient.Send(host.Http, HttpMethod.Post, "/api/auth/login", token: null, new { email, password });
}
