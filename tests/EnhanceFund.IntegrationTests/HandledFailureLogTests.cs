using System.Net;
using EnhanceFund.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace EnhanceFund.IntegrationTests;

/// <summary>A Host of its own, whose logs the tests read.</summary>
public sealed class LogCaptureFixture : HostFixture
{
    public FakeLogCollector Logs { get; } = new();

    // Handed to DI as an instance, so never disposed: Quartz may keep the first Host's logging for the whole test
    // process (see TestHost).
    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton(LoggerFactory.Create(logging =>
        logging.AddProvider(new FakeLoggerProvider(Logs)).SetMinimumLevel(LogLevel.Warning)));
}

/// <summary>
/// A failure is logged once, by whoever decides what it is: one its caller expects and handles (a redelivery the
/// inbox refuses) is no error, and one it does not handle reaches the relay's log with its exception.
/// </summary>
public sealed class HandledFailureLogTests(LogCaptureFixture fixture) : IClassFixture<LogCaptureFixture>
{
    private readonly Ledger _ledger = new(fixture.Database);

    [Fact]
    public async Task Redeliveries_that_the_inbox_refuses_log_no_error()
    {
        var user = await ApiClient.RegisterAsync(fixture.Http);
        for (var i = 1; i <= 3; i++)
            Assert.Equal(HttpStatusCode.Created, (await user.PostAsync("/api/wallet/deposits", new { amount = i })).Status);
        await user.NotificationsEventuallyAsync(3);
        await Eventually.ReturnsAsync(_ledger.PendingAsync, n => n == 0, "every outbox delivered");
        var parked = await _ledger.ParkedAsync();
        var mark = fixture.Logs.Count;

        // Every event again, as if each relay had died before recording its work: each consumer's inbox refuses it.
        Assert.True(await _ledger.RewindDeliveredAsync() >= 4, "the registration and the three deposits rewound");
        await Eventually.ReturnsAsync(_ledger.PendingAsync, n => n == 0, "every outbox delivered again");

        Assert.Equal(3, (await user.NotificationsAsync()).Count);
        Assert.Equal(parked, await _ledger.ParkedAsync());
        Assert.Empty(ErrorsAndWarnings(mark));
    }

    [Fact]
    public async Task An_event_its_consumer_cannot_apply_is_logged_by_the_relay_with_the_databases_reason_and_by_no_one_else()
    {
        const decimal poison = 17.17m;
        await _ledger.RefuseDepositNotificationsAsync(poison);
        var user = await ApiClient.RegisterAsync(fixture.Http);
        await Eventually.ReturnsAsync(_ledger.PendingAsync, n => n == 0, "the registration delivered");
        var parked = await _ledger.ParkedAsync();
        var mark = fixture.Logs.Count;

        Assert.Equal(HttpStatusCode.Created, (await user.PostAsync("/api/wallet/deposits", new { amount = poison })).Status);
        await Eventually.ReturnsAsync(_ledger.ParkedAsync, n => n == parked + 1, "the poison deposit's event parked");

        // The relay logs the parking after its commit, so a moment after the row says parked.
        var logged = await Eventually.ReturnsAsync(
            () => ErrorsAndWarnings(mark), entries => entries.Any(IsParkedError), "the relay's error for the parked event");
        Assert.All(logged, entry =>
        {
            Assert.StartsWith("EnhanceFund.BuildingBlocks.Messaging.OutboxRelay", entry.Category);
            Assert.Contains(Ledger.PoisonRefused, entry.Exception?.ToString());
        });
        Assert.Single(logged, IsParkedError);
    }

    private static bool IsParkedError(FakeLogRecord entry) => entry.Level == LogLevel.Error && entry.Message.Contains("parked");

    [Fact]
    public async Task EF_has_logged_no_warning_since_the_Host_started_even_for_a_catch_up_page_with_nothing_new()
    {
        // The page's counts then come from a query of their own, which EF compiles (and warns about, if it must) once.
        var user = await ApiClient.RegisterAsync(fixture.Http);
        var page = await user.GetAsync("/api/notifications?after_seq=0");
        Assert.Empty(page.Data["notifications"]!.AsArray());
        Assert.Equal(0, page.Data["unread_count"]!.GetValue<int>());

        Assert.DoesNotContain(ErrorsAndWarnings(0), e => e.Category?.StartsWith("Microsoft.EntityFrameworkCore") == true);
    }

    // Quartz keeps the logging of the process's first Host in a static (see TestHost): its entries may be any Host's.
    // Entries are kept in the order they were logged: a count taken earlier marks where a test's own begin.
    private List<FakeLogRecord> ErrorsAndWarnings(int mark) =>
        fixture.Logs.GetSnapshot().Skip(mark)
            .Where(e => e.Level >= LogLevel.Warning && e.Category?.StartsWith("Quartz") != true)
            .ToList();
}
