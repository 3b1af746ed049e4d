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

    /// <summary>When the password last changed: sign-ins made before it are over (they cannot be refreshed).</summary>
    public DateTimeOffset? PasswordChangedAt { get; private set; }

    /// <summary>When the account was retired (an admin that configuration no longer names): it cannot sign in.</summary>
    public DateTimeOffset? RetiredAt { get; private set; }

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

    /// <summary>The first password, or the same one hashed anew: no sign-in ends.</summary>
    public void SetPasswordHash(string passwordHash) => PasswordHash = passwordHash;

    /// <summary>
    /// A new password: every sign-in made with an earlier one ends. A token dates its sign-in to the second (rounded
    /// down), so the change is dated so too: every sign-in in the change's second stands, as one made just after it must.
    /// </summary>
    public void ChangePassword(string passwordHash, DateTimeOffset now)
    {
        PasswordHash = passwordHash;
        PasswordChangedAt = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds());
    }

    public void Retire(DateTimeOffset now) => RetiredAt ??= now;

    public void Reinstate() => RetiredAt = null;

    /// <summary>Whether a sign-in made at <paramref name="signedInAt"/> still stands.</summary>
    public bool HonoursSignInAt(DateTimeOffset signedInAt) =>
        RetiredAt is null && (PasswordChangedAt is not { } changed || signedInAt >= changed);
}
