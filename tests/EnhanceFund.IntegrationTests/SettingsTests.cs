using EnhanceFund.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Options;

namespace EnhanceFund.IntegrationTests;

/// <summary>A setting that would make a job spin, or delete everything, stops the Host at start-up and names itself.</summary>
public sealed class SettingsTests
{
    [Theory]
    [InlineData("Notifications:RetentionBatchSize", "0", "RetentionBatchSize must be above zero.")]
    [InlineData("Notifications:Retention", "00:00:00", "Retention must be above zero.")]
    [InlineData("Notifications:Push:Concurrency", "0", "Concurrency must be above zero.")]
    [InlineData("Outbox:BatchSize", "-1", "BatchSize must be above zero.")]
    [InlineData("Outbox:DrainSpacing", "-00:00:00.001", "DrainSpacing must be zero or more.")]
    [InlineData("Idempotency:Retention", "00:00:00", "Retention must be above zero.")]
    public async Task A_setting_out_of_range_stops_the_start_up_naming_it(string key, string value, string message)
    {
        var servers = await TestServers.GetAsync();
        var (database, settings) = (await servers.CreateDatabaseAsync(), new Dictionary<string, string> { [key] = value });

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            TestHost.StartAsync(database, servers.Redis, $"settings-{Guid.NewGuid():N}", settings: settings));

        Assert.Contains(message, refused.Message);
    }

    [Fact]
    public async Task A_drain_spacing_of_zero_is_a_setting_not_a_mistake()
    {
        var servers = await TestServers.GetAsync();
        var settings = new Dictionary<string, string> { ["Outbox:DrainSpacing"] = "00:00:00" };

        await using var host = await TestHost.StartAsync(await servers.CreateDatabaseAsync(), servers.Redis, $"settings-{Guid.NewGuid():N}", settings: settings);

        var user = await ApiClient.RegisterAsync(host.Http);
        await user.DepositAsync(5m);
        await user.NotificationsEventuallyAsync(1);
    }
}
