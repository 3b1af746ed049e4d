namespace EnhanceFund.BuildingBlocks.Domain;

/// <summary>
/// The codes an enum is stored and served under, declared rather than derived, so renaming a member changes
/// no data. Every member must have a code: a forgotten one fails at type initialisation, not on a request.
/// </summary>
public sealed class EnumCodes<TEnum> where TEnum : struct, Enum
{
    private readonly Dictionary<TEnum, string> _codes;
    private readonly Dictionary<string, TEnum> _members;

    public EnumCodes(Dictionary<TEnum, string> codes)
    {
        var missing = Enum.GetValues<TEnum>().Where(m => !codes.ContainsKey(m)).ToList();
        if (missing.Count > 0)
            throw new InvalidOperationException($"{typeof(TEnum).Name} has no code for {string.Join(", ", missing)}.");
        _codes = codes;
        _members = codes.ToDictionary(p => p.Value, p => p.Key);
    }

    public IEnumerable<string> All => _codes.Values;

    public string Code(TEnum member) => _codes[member];

    public TEnum? Find(string code) => _members.TryGetValue(code, out var member) ? member : null;

    public TEnum Parse(string code) => _members[code];
}
