namespace EnhanceFund.Identity.Application.SeedAdmin;

/// <summary>The administrator created at start-up, bound from the <c>Admin</c> section.</summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";

    public string Email { get; set; } = "";

    public string Password { get; set; } = "";

    public string FullName { get; set; } = "Platform Administrator";
}
