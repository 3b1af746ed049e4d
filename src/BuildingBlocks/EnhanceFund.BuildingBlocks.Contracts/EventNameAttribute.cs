namespace EnhanceFund.BuildingBlocks.Contracts;

/// <summary>
/// The stable name an integration event is stored under in the outbox. Renaming the CLR type must not
/// orphan rows already written, so the name is declared, never derived.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class EventNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
