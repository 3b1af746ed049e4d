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

/// <summary>The codes stored and served for each status; declared, so renaming a member changes no data.</summary>
public static class LoanStatusCodes
{
    private static readonly Dictionary<LoanStatus, string> Codes = new()
    {
        [LoanStatus.Pending] = "pending",
        [LoanStatus.Approved] = "approved",
        [LoanStatus.Fulfilled] = "fulfilled",
        [LoanStatus.Repaid] = "repaid",
        [LoanStatus.Rejected] = "rejected",
    };

    private static readonly Dictionary<string, LoanStatus> Statuses = Codes.ToDictionary(p => p.Value, p => p.Key);

    public static IEnumerable<string> All => Codes.Values;

    public static string Code(this LoanStatus status) => Codes[status];

    public static LoanStatus? Find(string code) => Statuses.TryGetValue(code, out var status) ? status : null;

    public static LoanStatus Parse(string code) => Statuses[code];
}
