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

public static class TransactionTypeCodes
{
    private static readonly EnumCodes<TransactionType> Codes = new(new()
    {
        [TransactionType.Deposit] = "deposit",
        [TransactionType.Withdrawal] = "withdrawal",
        [TransactionType.Investment] = "investment",
        [TransactionType.InvestmentRefund] = "investment_refund",
        [TransactionType.LoanDisbursement] = "loan_disbursement",
        [TransactionType.LoanRepayment] = "loan_repayment",
        [TransactionType.InvestmentReturn] = "investment_return",
    });

    public static string Code(this TransactionType type) => Codes.Code(type);

    public static TransactionType Parse(string code) => Codes.Parse(code);
}
