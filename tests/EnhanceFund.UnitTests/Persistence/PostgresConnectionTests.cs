using EnhanceFund.BuildingBlocks.Persistence;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace EnhanceFund.UnitTests.Persistence;

public sealed class PostgresConnectionTests
{
    [Fact]
    public void Turns_on_the_platforms_defaults_when_the_connection_string_is_silent()
    {
        var settings = Read("Host=db;Database=enhancefund;Username=app;Password=secret");

        Assert.True(settings.NoResetOnClose);
        Assert.Equal(32, settings.MaxAutoPrepare);
        Assert.Equal(16, settings.MaxPoolSize);
        Assert.Equal("db", settings.Host);
        Assert.Equal("secret", settings.Password);
    }

    [Theory]
    [InlineData("Host=db;No Reset On Close=false;Max Auto Prepare=0;Maximum Pool Size=100")]
    [InlineData("Host=db;NoResetOnClose=false;MaxAutoPrepare=0;MaxPoolSize=100")]
    [InlineData("Host=db;no reset on close=false;max auto prepare=0;maximum pool size=100")]
    public void Keeps_what_the_connection_string_sets_whatever_its_spelling(string configured)
    {
        var settings = Read(configured);

        Assert.False(settings.NoResetOnClose);
        Assert.Equal(0, settings.MaxAutoPrepare);
        Assert.Equal(100, settings.MaxPoolSize);
    }

    [Fact]
    public void Refuses_to_start_without_a_connection_string() =>
        Assert.Throws<InvalidOperationException>(() => PostgresConnection.FromConfiguration(new ConfigurationBuilder().Build()));

    private static NpgsqlConnectionStringBuilder Read(string configured) =>
        new(PostgresConnection.FromConfiguration(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = configured })
            .Build()));
}
