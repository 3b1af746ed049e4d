using System.Reflection;
using EnhanceFund.BuildingBlocks.Contracts;
using EnhanceFund.BuildingBlocks.Domain;
using EnhanceFund.BuildingBlocks.Messaging;
using EnhanceFund.BuildingBlocks.Modules;
using EnhanceFund.Host;
using FastEndpoints;
using MediatR;

namespace EnhanceFund.UnitTests.Architecture;

/// <summary>
/// The one way a module is built (docs/ARCHITECTURE.md, "Building a module"): where each kind of type lives and what
/// it is called, so that a newcomer who learns one module has learned them all. Generated per module from the Host's
/// module list, and each rule asserts it found something to check.
/// </summary>
public sealed class ModuleTemplateTests
{
    public static TheoryData<string> Modules() => new(EnhanceFundApp.Modules.Select(m => m.Name));

    private static IModule Module(string name) => EnhanceFundApp.Modules.Single(m => m.Name == name);

    private static string Root(IModule module) => module.Assembly.GetName().Name!;

    private static IEnumerable<Type> Concrete(IModule module) =>
        module.Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && !t.IsNested && !IsCompilerGenerated(t));

    [Theory]
    [MemberData(nameof(Modules))]
    public void Endpoints_live_in_Endpoints_and_are_named_for_their_use_case(string name)
    {
        var module = Module(name);
        var endpoints = Concrete(module).Where(t => typeof(BaseEndpoint).IsAssignableFrom(t)).ToList();
        Assert.NotEmpty(endpoints);

        Assert.All(endpoints, endpoint =>
        {
            Assert.StartsWith($"{Root(module)}.Endpoints", endpoint.Namespace);
            Assert.EndsWith("Endpoint", endpoint.Name);
        });
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Use_case_handlers_live_in_Application_beside_their_request_and_take_its_name(string name)
    {
        var module = Module(name);
        var handlers = Concrete(module)
            .Select(t => (Handler: t, Request: Implemented(t, typeof(IRequestHandler<,>))))
            .Where(h => h.Request is not null)
            .ToList();
        Assert.NotEmpty(handlers);

        Assert.All(handlers, h =>
        {
            Assert.Equal($"{Root(module)}.Application", h.Handler.Namespace);
            Assert.Equal(h.Request!.Namespace, h.Handler.Namespace);
            Assert.Equal($"{h.Request.Name}Handler", h.Handler.Name);
        });
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Consumers_live_in_Application_Consumers_and_are_named_action_On_event(string name)
    {
        var module = Module(name);
        var consumers = Concrete(module).Select(t => (Consumer: t, Event: ConsumedEvent(t))).Where(c => c.Event is not null).ToList();
        if (name == "Identity")
        {
            Assert.Empty(consumers); // Identity hears no other module: nothing to check, and nothing to drift.
            return;
        }

        Assert.NotEmpty(consumers);
        Assert.All(consumers, c =>
        {
            Assert.Equal($"{Root(module)}.Application.Consumers", c.Consumer.Namespace);
            Assert.Matches($"^[A-Z][A-Za-z]*On{c.Event!.Name}$", c.Consumer.Name);
            Assert.True(typeof(IIntegrationEvent).IsAssignableFrom(c.Event), $"{c.Consumer.Name} consumes {c.Event}, not a contract");
        });
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Domain_events_live_in_Domain_and_end_in_DomainEvent(string name)
    {
        var module = Module(name);
        var events = Concrete(module).Where(t => typeof(IDomainEvent).IsAssignableFrom(t)).ToList();
        if (name == "Notifications")
        {
            Assert.Empty(events); // Notifications raise no events: they are the end of every path.
            return;
        }

        Assert.NotEmpty(events);
        Assert.All(events, e =>
        {
            Assert.Equal($"{Root(module)}.Domain", e.Namespace);
            Assert.EndsWith("DomainEvent", e.Name);
        });
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void No_namespace_of_a_module_is_named_like_a_type_in_it(string name)
    {
        var module = Module(name);
        var types = module.Assembly.GetTypes().Where(t => !IsCompilerGenerated(t) && t.Namespace is not null).ToList();
        var lastSegments = types.Select(t => t.Namespace!.Split('.')[^1]).ToHashSet(StringComparer.Ordinal);

        Assert.All(types, t => Assert.DoesNotContain(t.Name, lastSegments));
    }

    private static Type? Implemented(Type type, Type openGeneric) =>
        type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == openGeneric)?.GetGenericArguments()[0];

    private static Type? ConsumedEvent(Type type)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(BatchInboxConsumer<,>)) return t.GetGenericArguments()[0];
        }

        return null;
    }

    private static bool IsCompilerGenerated(Type type) =>
        type.Name.Contains('<', StringComparison.Ordinal) || type.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute));
}
