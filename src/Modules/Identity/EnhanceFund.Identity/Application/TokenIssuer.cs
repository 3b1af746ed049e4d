using System.Security.Claims;
using System.Text;
using EnhanceFund.Identity.Domain;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace EnhanceFund.Identity.Application;

/// <summary>Signs the access tokens that the Host's JwtBearer handler validates with the same options.</summary>
public sealed class TokenIssuer(IOptions<JwtOptions> options, TimeProvider clock)
{
    private readonly JsonWebTokenHandler _handler = new();

    /// <summary>A token for <paramref name="user"/>, of a sign-in made at <paramref name="signedInAt"/> (now, if a new one).</summary>
    public SignedIn Issue(User user, DateTimeOffset? signedInAt = null)
    {
        var jwt = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var authTime = (signedInAt ?? now).ToUnixTimeSeconds();
        // A refreshed token ends with its session at the latest, so a stolen one is good for SessionHours in all.
        var sessionEnd = jwt.SessionEnd(DateTimeOffset.FromUnixTimeSeconds(authTime)).UtcDateTime;
        var expires = Min(now.AddMinutes(jwt.AccessTokenMinutes), sessionEnd);
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = jwt.Issuer,
            Audience = jwt.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = expires,
            Subject = new ClaimsIdentity(
            [
                new Claim(ClaimNames.Subject, user.Id.ToString()),
                new Claim(ClaimNames.Email, user.Email),
                new Claim(ClaimNames.Role, user.Role),
                new Claim(ClaimNames.AuthTime, authTime.ToString(), ClaimValueTypes.Integer64),
            ]),
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Encoding.UTF8.GetBytes(jwt.SigningKey)), SecurityAlgorithms.HmacSha256),
        });
        return new SignedIn(UserDto.From(user), token, (int)(expires - now).TotalSeconds);
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
