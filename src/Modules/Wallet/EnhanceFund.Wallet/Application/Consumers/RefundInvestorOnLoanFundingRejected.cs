using EnhanceFund.BuildingBlocks.Domain;
using EnhanceFund.BuildingBlocks.Messaging;
using EnhanceFund.Loans.Contracts;
using EnhanceFund.Wallet.Infrastructure;

namespace EnhanceFund.Wallet.Application.Consumers;

/// <summary>The loan refused the investment's money: it goes back to the investor's wallet.</summary>
[ConsumerName("wallet.refund_investor_on_loan_funding_rejected")]
internal sealed class RefundInvestorOnLoanFundingRejected(WalletDbContext db, TimeProvider clock)
    : InboxConsumer<LoanFundingRejected, WalletDbContext>(db, clock)
{
    protected override async Task ConsumeAsync(LoanFundingRejected e, CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow();
        var wallet = await Db.LockWalletAsync(e.InvestorId, now, cancellationToken);
        var transactionId = await Db.NextTransactionIdAsync(cancellationToken);
        Db.Transactions.Add(wallet.RefundInvestment(transactionId, e.InvestmentId, e.LoanId, Money.Of(e.Amount), e.Reason, now));
    }
}
