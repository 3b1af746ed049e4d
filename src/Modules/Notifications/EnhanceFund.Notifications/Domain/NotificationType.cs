namespace EnhanceFund.Notifications.Domain;

/// <summary>The eight kinds of notification of the API contract, with their display names and subjects.</summary>
public sealed record NotificationType(string Code, string Display, string RelatedType)
{
    public static readonly NotificationType FundAdded = new("fund_added", "Fund Added", "transaction");
    public static readonly NotificationType FundWithdrawn = new("fund_withdrawn", "Fund Withdrawn", "transaction");
    public static readonly NotificationType InvestmentMade = new("investment_made", "Investment Made", "investment");
    public static readonly NotificationType InvestmentReturn = new("investment_return", "Investment Return", "investment");
    public static readonly NotificationType LoanFunded = new("loan_funded", "Loan Funded", "loan");
    public static readonly NotificationType LoanFulfilled = new("loan_fulfilled", "Loan Fulfilled", "loan");
    public static readonly NotificationType LoanApproved = new("loan_approved", "Loan Approved", "loan");
    public static readonly NotificationType InvestmentRejected = new("investment_rejected", "Investment Rejected", "investment");

    public static readonly IReadOnlyList<NotificationType> All =
    [
        FundAdded, FundWithdrawn, InvestmentMade, InvestmentReturn, LoanFunded, LoanFulfilled, LoanApproved, InvestmentRejected,
    ];

    private static readonly Dictionary<string, NotificationType> ByCode = All.ToDictionary(t => t.Code);

    public static NotificationType? Find(string code) => ByCode.GetValueOrDefault(code);
}
