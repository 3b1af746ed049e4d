namespace EnhanceFund.BuildingBlocks.Web.Auth;

/// <summary>Token signing and validation, bound from the <c>Jwt</c> section.</summary>
public sealed class JwtOptions
{
    public const string Section = "Jwt";

    /// <summary>The key shipped in appsettings.Development.json; start-up refuses it in every other environment.</summary>
    public const string DevelopmentSigningKey = "enhancefund-development-signing-key-never-use-in-production";

    public string SigningKey { get; set; } = "";

    public string Issuer { get; set; } = "enhancefund";

    public string Audience { get; set; } = "enhancefund-clients";

    public int AccessTokenMinutes { get; set; } = 60;

    /// <summary>
    /// How long after signing in with a password a token may still be refreshed: a stolen token is good for at most
    /// this long, however often it is refreshed.
    /// </summary>
    public int SessionHours { get; set; } = 12;

    /// <summary>When the session of a password sign-in made at <paramref name="signedInAt"/> ends: no token outlives it.</summary>
    public DateTimeOffset SessionEnd(DateTimeOffset signedInAt) => signedInAt.AddHours(SessionHours);
}
