namespace EnhanceFund.BuildingBlocks.Web.Auth;

public static class Roles
{
    public const string Investor = "investor";
    public const string Borrower = "borrower";
    public const string Admin = "admin";
}
