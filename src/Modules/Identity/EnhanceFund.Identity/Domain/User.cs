namespace EnhanceFund.Identity.Domain;

/// <summary>A person who can sign in, with the one role that decides what they may do.</summary>
public sealed class User : AggregateRoot
{
    private User() { }

    public long Id { get; private set; }

    /// <summary>Stored trimmed and lower-cased: one mailbox, one account.</summary>
    public string Email { get; private set; } = "";

    public string FullName { get; private set; } = "";

    public string Role { get; private set; } = "";

    public string PasswordHash { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public static User Register(long id, string email, string fullName, string role, DateTimeOffset now)
    {
        var user = new User
        {
            Id = id,
            Email = NormalizeEmail(email),
            FullName = fullName.Trim(),
            Role = role,
            CreatedAt = now,
        };
        user.Raise(new UserRegisteredDomainEvent(user.Id, user.Email, user.FullName, user.Role));
        return user;
    }

    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();

    public void SetPasswordHash(string passwordHash) => PasswordHash = passwordHash;
}
