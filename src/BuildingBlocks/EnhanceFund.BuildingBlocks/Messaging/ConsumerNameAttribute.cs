namespace EnhanceFund.BuildingBlocks.Messaging;

/// <summary>
/// The stable name a consumer's inbox rows are keyed by. Renaming or moving the class must not make a redelivered
/// event look new to it (some consumers move money), so the name is declared, never derived.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ConsumerNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
