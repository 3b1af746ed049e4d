using EnhanceFund.Investments.Contracts;
using EnhanceFund.Loans.Contracts;
using EnhanceFund.Notifications.Domain;
using EnhanceFund.Wallet.Contracts;

namespace EnhanceFund.Notifications.Application.Consumers;

/// <summary>What one recipient is told about one event: a notification before it has an id, a source or a time.</summary>
internal sealed record Notice(long Recipient, NotificationType Type, string Title, string Message, long RelatedId)
{
    public Notification ToNotification(Guid sourceEventId, DateTimeOffset now) =>
        Notification.Create(sourceEventId, Recipient, Type, Title, Message, RelatedId, now);
}

/// <summary>
/// Every event's notifications, worded in one place: who is told what (pure functions of the event, so each wording
/// can be checked without a database). One overload per event a consumer notifies about.
/// </summary>
internal static class NotificationTexts
{
    public static IEnumerable<Notice> For(FundsAdded e) =>
    [
        new(e.UserId, NotificationType.FundAdded, "Fund Added Successfully",
            $"Your wallet has been credited with {Money.Of(e.Amount)}. New balance: {Money.Of(e.BalanceAfter)}.",
            e.TransactionId),
    ];

    public static IEnumerable<Notice> For(FundsWithdrawn e) =>
    [
        new(e.UserId, NotificationType.FundWithdrawn, "Fund Withdrawn Successfully",
            $"{Money.Of(e.Amount)} has been withdrawn from your wallet. New balance: {Money.Of(e.BalanceAfter)}.",
            e.TransactionId),
    ];

    public static IEnumerable<Notice> For(InvestmentMade e) =>
    [
        new(e.InvestorId, NotificationType.InvestmentMade, "Investment Made",
            $"Your investment of {Money.Of(e.Amount)} in loan #{e.LoanId} is active. Expected return: {Money.Of(e.ExpectedReturn)}.",
            e.InvestmentId),
    ];

    public static IEnumerable<Notice> For(InvestmentRejected e) =>
        [new(e.InvestorId, NotificationType.InvestmentRejected, "Investment Rejected", RejectionMessage(e), e.InvestmentId)];

    /// <summary>Sent when the investment closes, which is after its return reached the investor's wallet.</summary>
    public static IEnumerable<Notice> For(InvestmentClosed e) =>
    [
        new(e.InvestorId, NotificationType.InvestmentReturn, "Investment Return Received",
            $"Loan #{e.LoanId} was repaid: {Money.Of(e.ReturnAmount)} has been credited to your wallet for your investment of {Money.Of(e.Amount)}.",
            e.InvestmentId),
    ];

    public static IEnumerable<Notice> For(LoanApproved e) =>
    [
        new(e.BorrowerId, NotificationType.LoanApproved, "Loan Approved",
            $"Your loan request of {Money.Of(e.Amount)} has been approved and is now open for investment.",
            e.LoanId),
    ];

    public static IEnumerable<Notice> For(LoanFunded e) =>
    [
        new(e.BorrowerId, NotificationType.LoanFunded, "Loan Funded",
            $"Your loan #{e.LoanId} received an investment of {Money.Of(e.Amount)}. Funded so far: {Money.Of(e.FundedAmount)} of {Money.Of(e.LoanAmount)}.",
            e.LoanId),
    ];

    /// <summary>One event, many recipients: the borrower and every investor of the loan, each once.</summary>
    public static IEnumerable<Notice> For(LoanFulfilled e)
    {
        var amount = Money.Of(e.Amount);
        return
        [
            new(e.BorrowerId, NotificationType.LoanFulfilled, "Loan Fulfilled",
                $"Your loan #{e.LoanId} is fully funded: {amount} is being credited to your wallet. Repayment due: {Money.Of(e.RepaymentDue)}.",
                e.LoanId),
            .. e.InvestorIds.Distinct().Select(investorId => new Notice(
                investorId, NotificationType.LoanFulfilled, "Loan Fulfilled",
                $"Loan #{e.LoanId} that you invested in is fully funded ({amount}).",
                e.LoanId)),
        ];
    }

    /// <summary>
    /// Why, for each reason there is; a reason this module does not know yet is told without a cause (whatever was
    /// taken for the investment is back in the wallet whatever the reason: that much the event promises).
    /// </summary>
    private static string RejectionMessage(InvestmentRejected e)
    {
        var amount = Money.Of(e.Amount);
        var rejected = $"Your investment of {amount} in loan #{e.LoanId} was rejected";
        return e.Reason switch
        {
            InvestmentRejectionReasons.InsufficientFunds =>
                $"{rejected}: your wallet balance was too low. Nothing was taken from your wallet.",
            InvestmentRejectionReasons.LoanNotOpen =>
                $"{rejected}: loan #{e.LoanId} is not open for investment. {amount} has been returned to your wallet.",
            InvestmentRejectionReasons.ExceedsRemaining =>
                $"{rejected}: it is more than loan #{e.LoanId} still needs. {amount} has been returned to your wallet.",
            _ => $"{rejected}. Anything taken from your wallet for it has been returned.",
        };
    }
}
