namespace EnhanceFund.BuildingBlocks.Web.Auth;

/// <summary>The roles a user can hold (named <c>Role</c>, not <c>Roles</c>, so FastEndpoints' <c>Roles(...)</c> does not hide it).</summary>
public static class Role
{
    public const string Investor = "investor";
    public const string Borrower = "borrower";
    public const string Admin = "admin";
}
