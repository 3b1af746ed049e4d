using EnhanceFund.Loans.Contracts;
using EnhanceFund.Wallet.Infrastructure;

namespace EnhanceFund.Wallet.Application.Consumers;

/// <summary>The loan refused the investment's money: it goes back to the investor's wallet.</summary>
[ConsumerName("wallet.refund_investor_on_loan_funding_rejected")]
internal sealed class RefundInvestorOnLoanFundingRejected(WalletDbContext db, TimeProvider clock)
    : InboxConsumer<LoanFundingRejected, WalletDbContext>(db, clock)
{
    protected override Task ConsumeAsync(LoanFundingRejected e, CancellationToken cancellationToken) =>
        Db.MoveFundsAsync(
            e.InvestorId, Clock,
            (wallet, transactionId, now) => wallet.RefundInvestment(transactionId, e.InvestmentId, e.LoanId, Money.Of(e.Amount), e.Reason, now),
            cancellationToken);
}
