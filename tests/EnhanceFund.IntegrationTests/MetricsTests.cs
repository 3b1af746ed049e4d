using System.Net;
using EnhanceFund.IntegrationTests.Infrastructure;

namespace EnhanceFund.IntegrationTests;

/// <summary>What an operator's Prometheus sees at <c>/metrics</c> (on by default outside Production).</summary>
public sealed class MetricsTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private static readonly (string, string)[] FundsAdded = [("module", "wallet"), ("event_type", "wallet.funds_added")];

    [Fact]
    public async Task A_deposit_moves_the_delivered_counter_the_lag_histogram_and_the_request_metrics()
    {
        var user = await ApiClient.RegisterAsync(fixture.Http);
        var deliveredBefore = await ValueAsync("outbox_messages_delivered_total", FundsAdded);
        var lagsBefore = await ValueAsync("outbox_lag_seconds_count", FundsAdded);

        Assert.Equal(HttpStatusCode.Created, (await user.DepositAsync(25m)).Status);

        await Eventually.ReturnsAsync(() => ValueAsync("outbox_messages_delivered_total", FundsAdded), v => v > deliveredBefore, "the delivered counter to move");
        await Eventually.ReturnsAsync(() => ValueAsync("outbox_lag_seconds_count", FundsAdded), v => v > lagsBefore, "a lag recorded");
        Assert.True(await ValueAsync("outbox_lag_seconds_bucket", [.. FundsAdded, ("le", "+Inf")]) > lagsBefore);
        Assert.True(await ValueAsync("http_server_request_duration_seconds_count", ("http_route", "/api/wallet/deposits")) > 0);
    }

    [Fact]
    public async Task An_open_hub_connection_is_counted()
    {
        var user = await ApiClient.RegisterAsync(fixture.Http);
        var before = await ValueAsync("signalr_server_active_connections");
        await using var live = await LiveClient.ConnectAsync(fixture.Host.Address, user.Token);
        await Eventually.ReturnsAsync(() => ValueAsync("signalr_server_active_connections"), v => v > before, "the connection counted");
    }

    private async Task<double> ValueAsync(string metric, params (string, string)[] labels) =>
        await PrometheusScrape.ValueAsync(fixture.Http, metric, labels) ?? 0;
}

/// <summary>A Production Host serves no metrics unless told to: its port may face the public.</summary>
public sealed class ProductionMetricsFixture : HostFixture
{
    protected override IDictionary<string, string> Settings => new Dictionary<string, string> { ["environment"] = "Production" };
}

public sealed class ProductionMetricsTests(ProductionMetricsFixture fixture) : IClassFixture<ProductionMetricsFixture>
{
    [Fact]
    public async Task Production_serves_no_metrics_by_default()
    {
        var response = await fixture.Http.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
