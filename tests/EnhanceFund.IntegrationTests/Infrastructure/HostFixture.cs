using Microsoft.Extensions.DependencyInjection;

namespace EnhanceFund.IntegrationTests.Infrastructure;

/// <summary>A fresh database and one running Host for a test class; tests in it use fresh users.</summary>
public class HostFixture : IAsyncLifetime
{
    public TestHost Host { get; private set; } = null!;

    public TestServers Servers { get; private set; } = null!;

    public string Database { get; private set; } = "";

    public string ChannelPrefix { get; } = $"test-{Guid.NewGuid():N}";

    public HttpClient Http => Host.Http;

    public virtual async Task InitializeAsync()
    {
        Servers = await TestServers.GetAsync();
        Database = await Servers.CreateDatabaseAsync();
        Host = await TestHost.StartAsync(Database, Servers.Redis, ChannelPrefix, ConfigureServices, Settings);
    }

    /// <summary>
    /// Stops the Host, runs <paramref name="whileDown"/>, and starts a new Host on the same port and database,
    /// as a deployment or a crash-and-restart would.
    /// </summary>
    public async Task RestartHostAsync(Func<Task> whileDown)
    {
        var port = Host.Address.Port;
        await Host.DisposeAsync();
        await whileDown();
        Host = await TestHost.StartAsync(Database, Servers.Redis, ChannelPrefix, ConfigureServices, Settings, port);
    }

    /// <summary>Test-only services (extra consumers, fault injection) for every Host of the fixture.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    protected virtual IDictionary<string, string>? Settings => null;

    public virtual async Task DisposeAsync() => await Host.DisposeAsync();
}
