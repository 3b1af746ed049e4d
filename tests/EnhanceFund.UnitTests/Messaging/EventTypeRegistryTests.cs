using System.Reflection;
using EnhanceFund.BuildingBlocks.Contracts;
using EnhanceFund.BuildingBlocks.Messaging;
using EnhanceFund.Host;
using EnhanceFund.Wallet.Contracts;

namespace EnhanceFund.UnitTests.Messaging;

public sealed class EventTypeRegistryTests
{
    [Fact]
    public void Every_published_event_of_every_module_has_one_stable_name()
    {
        var registry = new EventTypeRegistry(EnhanceFundApp.Modules.Select(m => m.ContractsAssembly));

        Assert.Equal("wallet.funds_added", registry.NameOf(typeof(FundsAdded)));
        Assert.Equal(typeof(FundsAdded), registry.TypeOf("wallet.funds_added"));
        Assert.Null(registry.TypeOf("wallet.no_such_event"));
        Assert.Contains("identity.user_registered", registry.Names);
    }

    [Fact]
    public void Two_events_under_one_name_stop_the_start() =>
        Assert.Contains("is used by both",
            Assert.Throws<InvalidOperationException>(() => new EventTypeRegistry([AssemblyWith(typeof(Duplicate1)), AssemblyWith(typeof(Duplicate2))])).Message);

    [Fact]
    public void An_event_without_a_name_stops_the_start() =>
        Assert.Contains("has no [EventName]",
            Assert.Throws<InvalidOperationException>(() => new EventTypeRegistry([AssemblyWith(typeof(Unnamed))])).Message);

    // The registry scans whole assemblies; these stand-ins hand it exactly one type each.
    private static Assembly AssemblyWith(Type type) => new SingleTypeAssembly(type);

    private sealed class SingleTypeAssembly(Type type) : Assembly
    {
        public override Type[] GetTypes() => [type];

        public override string FullName => $"Test.{type.Name}";
    }

    [EventName("test.duplicate")]
    private sealed record Duplicate1(Guid EventId, DateTimeOffset OccurredAt) : IIntegrationEvent;

    [EventName("test.duplicate")]
    private sealed record Duplicate2(Guid EventId, DateTimeOffset OccurredAt) : IIntegrationEvent;

    private sealed record Unnamed(Guid EventId, DateTimeOffset OccurredAt) : IIntegrationEvent;
}
