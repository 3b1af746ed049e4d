namespace EnhanceFund.Wallet.Domain;

/// <summary>Why money moved.</summary>
public enum TransactionType
{
    Deposit,
    Withdrawal,
    Investment,
    InvestmentRefund,
    LoanDisbursement,
    LoanRepayment,
    InvestmentReturn,
}

/// <summary>The codes stored and served for each type; declared, so renaming a member changes no data.</summary>
public static class TransactionTypeCodes
{
    private static readonly Dictionary<TransactionType, string> Codes = new()
    {
        [TransactionType.Deposit] = "deposit",
        [TransactionType.Withdrawal] = "withdrawal",
        [TransactionType.Investment] = "investment",
        [TransactionType.InvestmentRefund] = "investment_refund",
        [TransactionType.LoanDisbursement] = "loan_disbursement",
        [TransactionType.LoanRepayment] = "loan_repayment",
        [TransactionType.InvestmentReturn] = "investment_return",
    };

    private static readonly Dictionary<string, TransactionType> Types = Codes.ToDictionary(p => p.Value, p => p.Key);

    public static string Code(this TransactionType type) => Codes[type];

    public static TransactionType Parse(string code) => Types[code];
}
