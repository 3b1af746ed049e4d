using EnhanceFund.Investments.Contracts;
using EnhanceFund.Wallet.Infrastructure;

namespace EnhanceFund.Wallet.Application.Consumers;

/// <summary>
/// The saga's first step: the investor's money leaves the wallet before any loan sees it, under the same wallet
/// lock as withdrawals, so investments and withdrawals racing for one balance can never overdraw it.
/// </summary>
[ConsumerName("wallet.debit_investor_on_investment_requested")]
internal sealed class DebitInvestorOnInvestmentRequested(WalletDbContext db, TimeProvider clock)
    : InboxConsumer<InvestmentRequested, WalletDbContext>(db, clock)
{
    protected override Task ConsumeAsync(InvestmentRequested e, CancellationToken cancellationToken) =>
        Db.MoveFundsAsync(
            e.InvestorId, Clock,
            (wallet, transactionId, now) => wallet.Invest(transactionId, e.InvestmentId, e.LoanId, Money.Of(e.Amount), now),
            cancellationToken);
}
