namespace EnhanceFund.IntegrationTests.Infrastructure;

/// <summary>Two Hosts on one PostgreSQL and one Redis, as two instances behind a load balancer: two relays race for every outbox.</summary>
public class TwoHostsFixture : HostFixture
{
    public TestHost Other { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Other = await TestHost.StartAsync(Database, Servers.Redis, ChannelPrefix, ConfigureServices, Settings);
    }

    public override async Task DisposeAsync()
    {
        await Other.DisposeAsync();
        await base.DisposeAsync();
    }
}
