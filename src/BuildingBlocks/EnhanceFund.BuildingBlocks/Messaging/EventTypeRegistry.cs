using System.Reflection;
using EnhanceFund.BuildingBlocks.Contracts;

namespace EnhanceFund.BuildingBlocks.Messaging;

/// <summary>
/// The one map between stored event names and CLR types. Built and checked at start-up from the modules'
/// Contracts assemblies: a contract without a name, or two contracts under one name, stops the start
/// instead of surfacing as an undeliverable message at run time.
/// </summary>
public sealed class EventTypeRegistry
{
    private readonly Dictionary<string, Type> _typesByName = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, string> _namesByType = [];

    public EventTypeRegistry(IEnumerable<Assembly> contractAssemblies)
    {
        var eventTypes = contractAssemblies
            .Distinct()
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsAbstract: false, IsClass: true } && typeof(IIntegrationEvent).IsAssignableFrom(t));

        foreach (var type in eventTypes)
        {
            var name = type.GetCustomAttribute<EventNameAttribute>()?.Name
                ?? throw new InvalidOperationException($"Integration event {type.FullName} has no [EventName].");
            if (!_typesByName.TryAdd(name, type))
            {
                throw new InvalidOperationException(
                    $"Event name '{name}' is used by both {_typesByName[name].FullName} and {type.FullName}.");
            }

            _namesByType.Add(type, name);
        }
    }

    public IReadOnlyCollection<string> Names => _typesByName.Keys;

    public string NameOf(Type eventType) =>
        _namesByType.TryGetValue(eventType, out var name)
            ? name
            : throw new InvalidOperationException($"{eventType.FullName} is not a registered integration event.");

    public Type? TypeOf(string name) => _typesByName.GetValueOrDefault(name);
}
