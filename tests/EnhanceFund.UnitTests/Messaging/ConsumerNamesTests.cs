using EnhanceFund.BuildingBlocks.Contracts;
using EnhanceFund.BuildingBlocks.Messaging;
using EnhanceFund.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EnhanceFund.UnitTests.Messaging;

public sealed class ConsumerNamesTests
{
    [Fact]
    public void A_consumer_is_known_by_its_declared_name()
    {
        ConsumerNames.Verify([typeof(FirstConsumer)]);
        Assert.Equal("tests.first", ConsumerNames.Of(typeof(FirstConsumer)));
    }

    [Fact]
    public void A_consumer_without_a_declared_name_stops_the_start()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => ConsumerNames.Verify([typeof(FirstConsumer), typeof(UnnamedConsumer)]));
        Assert.Contains(nameof(UnnamedConsumer), failure.Message);
    }

    [Fact]
    public void Two_consumers_under_one_name_stop_the_start()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => ConsumerNames.Verify([typeof(FirstConsumer), typeof(SameNameConsumer)]));
        Assert.Contains("'tests.first'", failure.Message);
        Assert.Contains(nameof(SameNameConsumer), failure.Message);
    }

    [Fact]
    public void Only_concrete_inbox_consumers_need_a_name()
    {
        ConsumerNames.Verify([typeof(AbstractConsumer), typeof(ConsumerNamesTests)]);
    }

    public sealed record Happened(Guid EventId, DateTimeOffset OccurredAt) : IIntegrationEvent;

    public sealed class TestContext(DbContextOptions<TestContext> options) : ModuleDbContext(options, "tests")
    {
        protected override void ConfigureTables(ModelBuilder model)
        {
        }
    }

    public abstract class AbstractConsumer(TestContext db) : InboxConsumer<Happened, TestContext>(db, TimeProvider.System)
    {
        protected override Task ConsumeAsync(Happened integrationEvent, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    [ConsumerName("tests.first")]
    public sealed class FirstConsumer(TestContext db) : AbstractConsumer(db);

    [ConsumerName("tests.first")]
    public sealed class SameNameConsumer(TestContext db) : AbstractConsumer(db);

    public sealed class UnnamedConsumer(TestContext db) : AbstractConsumer(db);
}
