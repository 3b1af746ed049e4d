using FluentValidation;

namespace EnhanceFund.BuildingBlocks.Web;

public static class TextRules
{
    /// <summary>
    /// At most <paramref name="max"/> characters once trimmed, as stored: counted as PostgreSQL's <c>varchar(n)</c>
    /// counts them (code points), not as .NET's UTF-16 length, in which an emoji or a rarer CJK character is two.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> AtMostCharacters<T>(this IRuleBuilder<T, string?> rule, int max) =>
        rule.Must(text => text is null || text.Trim().EnumerateRunes().Count() <= max);
}
