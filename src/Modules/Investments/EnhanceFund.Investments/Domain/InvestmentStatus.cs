namespace EnhanceFund.Investments.Domain;

/// <summary>pending -> active -> closed, or pending -> rejected.</summary>
public enum InvestmentStatus
{
    Pending,
    Active,
    Closed,
    Rejected,
}

public static class InvestmentStatusCodes
{
    private static readonly EnumCodes<InvestmentStatus> Codes = new(new()
    {
        [InvestmentStatus.Pending] = "pending",
        [InvestmentStatus.Active] = "active",
        [InvestmentStatus.Closed] = "closed",
        [InvestmentStatus.Rejected] = "rejected",
    });

    public static IEnumerable<string> All => Codes.All;

    public static string Code(this InvestmentStatus status) => Codes.Code(status);

    public static InvestmentStatus? Find(string code) => Codes.Find(code);

    public static InvestmentStatus Parse(string code) => Codes.Parse(code);
}
