using EnhanceFund.Loans.Contracts;
using EnhanceFund.Wallet.Infrastructure;

namespace EnhanceFund.Wallet.Application.Consumers;

/// <summary>A repaid loan's shares are credited to its investors, all in one transaction.</summary>
[ConsumerName("wallet.pay_returns_on_loan_repaid")]
internal sealed class PayReturnsOnLoanRepaid(WalletDbContext db, TimeProvider clock)
    : InboxConsumer<LoanRepaid, WalletDbContext>(db, clock)
{
    protected override async Task ConsumeAsync(LoanRepaid e, CancellationToken cancellationToken)
    {
        // Wallets are locked in one order (by user id) everywhere several are locked, so two payouts cannot deadlock.
        foreach (var share in e.Shares.OrderBy(s => s.InvestorId).ThenBy(s => s.InvestmentId))
        {
            await Db.MoveFundsAsync(
                share.InvestorId, Clock,
                (wallet, transactionId, at) => wallet.ReceiveReturn(transactionId, share.InvestmentId, e.LoanId, Money.Of(share.Amount), at),
                cancellationToken);
        }
    }
}
