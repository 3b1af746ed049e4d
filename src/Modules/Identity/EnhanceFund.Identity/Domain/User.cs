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

    /// <summary>When a retired account was last configured again: sign-ins made before it are over.</summary>
    public DateTimeOffset? ReinstatedAt { get; private set; }

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

    /// <summary>A new password: every sign-in made with an earlier one ends.</summary>
    public void ChangePassword(string passwordHash, DateTimeOffset now)
    {
        PasswordHash = passwordHash;
        PasswordChangedAt = WholeSecond(now);
    }

    public void Retire(DateTimeOffset now) => RetiredAt ??= now;

    /// <summary>
    /// Configured again: it can sign in anew, and what it signed in to before it was retired stays ended, so a token
    /// taken from it then (the reason to retire it, perhaps) does not come back with it.
    /// </summary>
    public void Reinstate(DateTimeOffset now)
    {
        RetiredAt = null;
        ReinstatedAt = WholeSecond(now);
    }

    /// <summary>Whether a sign-in made at <paramref name="signedInAt"/> still stands.</summary>
    public bool HonoursSignInAt(DateTimeOffset signedInAt) =>
        RetiredAt is null && NotBefore(signedInAt, PasswordChangedAt) && NotBefore(signedInAt, ReinstatedAt);

    private static bool NotBefore(DateTimeOffset signedInAt, DateTimeOffset? ended) => ended is not { } end || signedInAt >= end;

    // A token dates its sign-in to the second (rounded down), so what ends sign-ins is dated so too: every sign-in in
    // its second stands, as one made just after it must.
    private static DateTimeOffset WholeSecond(DateTimeOffset at) => DateTimeOffset.FromUnixTimeSeconds(at.ToUnixTimeSeconds());
}
