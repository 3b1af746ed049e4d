namespace EnhanceFund.Loans.Domain;

/// <summary>pending -> approved -> fulfilled -> repaid, or pending -> rejected.</summary>
public enum LoanStatus
{
    Pending,
    Approved,
    Fulfilled,
    Repaid,
    Rejected,
}

public static class LoanStatusCodes
{
    private static readonly EnumCodes<LoanStatus> Codes = new(new()
    {
        [LoanStatus.Pending] = "pending",
        [LoanStatus.Approved] = "approved",
        [LoanStatus.Fulfilled] = "fulfilled",
        [LoanStatus.Repaid] = "repaid",
        [LoanStatus.Rejected] = "rejected",
    });

    public static IEnumerable<string> All => Codes.All;

    public static string Code(this LoanStatus status) => Codes.Code(status);

    public static LoanStatus? Find(string code) => Codes.Find(code);

    public static LoanStatus Parse(string code) => Codes.Parse(code);
}
