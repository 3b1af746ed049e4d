using System.Collections.Concurrent;
using System.Reflection;

namespace EnhanceFund.BuildingBlocks.Messaging;

/// <summary>
/// Every inbox consumer's declared name, checked at start-up the way event names are: a consumer without a name, or
/// two consumers under one name, stops the start instead of applying an event twice or never.
/// </summary>
public static class ConsumerNames
{
    private static readonly ConcurrentDictionary<Type, string> Names = new();

    public static string Of(Type consumer) => Names.GetOrAdd(consumer, type =>
        type.GetCustomAttribute<ConsumerNameAttribute>()?.Name
        ?? throw new InvalidOperationException($"Consumer {type.FullName} has no [ConsumerName]."));

    /// <summary>Checks every concrete inbox consumer in <paramref name="assemblies"/>; throws on the first problem.</summary>
    public static void Verify(IEnumerable<Assembly> assemblies) =>
        Verify(assemblies.Distinct().SelectMany(a => a.GetTypes()));

    internal static void Verify(IEnumerable<Type> types)
    {
        var seen = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (var consumer in types.Where(IsInboxConsumer))
        {
            var name = Of(consumer);
            if (!seen.TryAdd(name, consumer))
                throw new InvalidOperationException($"Consumer name '{name}' is used by both {seen[name].FullName} and {consumer.FullName}.");
        }
    }

    private static bool IsInboxConsumer(Type type)
    {
        if (type.IsAbstract) return false;
        for (var t = type.BaseType; t is not null; t = t.BaseType)
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(BatchInboxConsumer<,>)) return true;
        return false;
    }
}
