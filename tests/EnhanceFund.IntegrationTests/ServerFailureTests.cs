using System.Net;
using EnhanceFund.IntegrationTests.Infrastructure;
using Npgsql;

namespace EnhanceFund.IntegrationTests;

/// <summary>Our own failures (here: a table gone from under the Host) answer a 500 in the envelope, leaking nothing.</summary>
public sealed class ServerFailureTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task A_failure_on_our_side_is_a_500_envelope_without_internals()
    {
        var user = await ApiClient.RegisterAsync(fixture.Http);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/api/wallet/transactions")).Status);

        await using (var connection = new NpgsqlConnection(fixture.Database))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand("DROP TABLE wallet.transactions", connection);
            await drop.ExecuteNonQueryAsync();
        }

        var response = await user.GetAsync("/api/wallet/transactions");

        Assert.Equal(HttpStatusCode.InternalServerError, response.Status);
        Assert.Equal(0, response.Body["code"]!.GetValue<int>());
        Assert.Equal("Something went wrong on our side. Please try again.", response.Body["message"]!.GetValue<string>());
        Assert.Empty(response.Errors);
        foreach (var secret in new[] { "Npgsql", "transactions", "relation", "Exception", " at " })
            Assert.DoesNotContain(secret, response.Text);
    }
}
