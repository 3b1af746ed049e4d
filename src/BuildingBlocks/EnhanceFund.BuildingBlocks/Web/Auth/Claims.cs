using System.Security.Claims;

namespace EnhanceFund.BuildingBlocks.Web.Auth;

/// <summary>The claims our tokens carry, under their JWT names (inbound claim mapping is off).</summary>
public static class ClaimNames
{
    public const string Subject = "sub";
    public const string Role = "role";
    public const string Email = "email";

    /// <summary>When the user signed in with a password (Unix seconds); kept by every refresh of that sign-in.</summary>
    public const string AuthTime = "auth_time";
}

public static class ClaimsPrincipalExtensions
{
    public static long UserId(this ClaimsPrincipal principal) =>
        long.Parse(principal.FindFirstValue(ClaimNames.Subject)
            ?? throw new InvalidOperationException("The signed-in principal has no user id."));

    public static string Role(this ClaimsPrincipal principal) => principal.FindFirstValue(ClaimNames.Role) ?? "";

    /// <summary>
    /// When the principal's sign-in was made. Tokens signed before auth_time existed count from their issue time; a
    /// token with neither dates from 1970, past every session.
    /// </summary>
    public static DateTimeOffset SignedInAt(this ClaimsPrincipal principal)
    {
        var claimed = principal.FindFirstValue(ClaimNames.AuthTime) ?? principal.FindFirstValue("iat");
        return DateTimeOffset.FromUnixTimeSeconds(long.TryParse(claimed, out var seconds) ? seconds : 0);
    }
}
