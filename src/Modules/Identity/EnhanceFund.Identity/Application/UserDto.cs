using System.Diagnostics.CodeAnalysis;
using EnhanceFund.Identity.Domain;

namespace EnhanceFund.Identity.Application;

public sealed record UserDto(long Id, string Email, string FullName, string Role)
{
    public static UserDto From(User user) => new(user.Id, user.Email, user.FullName, user.Role);
}

/// <summary>What register and login answer: the user and a bearer token for it.</summary>
public sealed record SignedIn(UserDto User, string AccessToken, int ExpiresIn)
{
    [SuppressMessage("Performance", "CA1822", Justification = "Serialized: JSON writes instance properties only.")]
    public string TokenType => "Bearer";
}
