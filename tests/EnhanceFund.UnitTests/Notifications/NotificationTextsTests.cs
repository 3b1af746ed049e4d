using EnhanceFund.Investments.Contracts;
using EnhanceFund.Loans.Contracts;
using EnhanceFund.Notifications.Application.Consumers;
using EnhanceFund.Notifications.Domain;

namespace EnhanceFund.UnitTests.Notifications;

public sealed class NotificationTextsTests
{
    [Theory]
    [InlineData(InvestmentRejectionReasons.InsufficientFunds,
        "Your investment of $100.00 in loan #7 was rejected: your wallet balance was too low. Nothing was taken from your wallet.")]
    [InlineData(InvestmentRejectionReasons.LoanNotOpen,
        "Your investment of $100.00 in loan #7 was rejected: loan #7 is not open for investment. $100.00 has been returned to your wallet.")]
    [InlineData(InvestmentRejectionReasons.ExceedsRemaining,
        "Your investment of $100.00 in loan #7 was rejected: it is more than loan #7 still needs. $100.00 has been returned to your wallet.")]
    public void A_rejection_says_why_for_each_known_reason(string reason, string message)
    {
        var notice = Assert.Single(NotificationTexts.For(Rejected(reason)));

        Assert.Equal(message, notice.Message);
        Assert.Equal(("Investment Rejected", NotificationType.InvestmentRejected, 3L, 11L), (notice.Title, notice.Type, notice.Recipient, notice.RelatedId));
    }

    [Theory]
    [InlineData("loan_cancelled")]
    [InlineData("")]
    public void A_rejection_for_a_reason_not_known_here_claims_no_cause(string reason)
    {
        var notice = Assert.Single(NotificationTexts.For(Rejected(reason)));

        Assert.Equal("Your investment of $100.00 in loan #7 was rejected. Anything taken from your wallet for it has been returned.", notice.Message);
    }

    [Fact]
    public void A_fulfilled_loan_tells_the_borrower_and_each_investor_once()
    {
        var fulfilled = new LoanFulfilled(Guid.NewGuid(), DateTimeOffset.UnixEpoch, 7, 2, 1000m, 1050m, [5, 6, 5]);

        var notices = NotificationTexts.For(fulfilled).ToList();

        Assert.Equal([2L, 5L, 6L], notices.Select(n => n.Recipient));
        Assert.Equal("Your loan #7 is fully funded: $1,000.00 is being credited to your wallet. Repayment due: $1,050.00.", notices[0].Message);
        Assert.All(notices.Skip(1), n => Assert.Equal("Loan #7 that you invested in is fully funded ($1,000.00).", n.Message));
        Assert.All(notices, n => Assert.Equal((NotificationType.LoanFulfilled, "Loan Fulfilled", 7L), (n.Type, n.Title, n.RelatedId)));
    }

    private static InvestmentRejected Rejected(string reason) =>
        new(Guid.NewGuid(), DateTimeOffset.UnixEpoch, InvestmentId: 11, InvestorId: 3, LoanId: 7, Amount: 100m, Reason: reason);
}
