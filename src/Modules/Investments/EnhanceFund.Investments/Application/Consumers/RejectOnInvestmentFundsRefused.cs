using EnhanceFund.Investments.Contracts;
using EnhanceFund.Investments.Infrastructure;
using EnhanceFund.Wallet.Contracts;

namespace EnhanceFund.Investments.Application.Consumers;

/// <summary>The wallet could not cover the investment: rejected, nothing was taken.</summary>
[ConsumerName("investments.reject_on_funds_refused")]
internal sealed class RejectOnInvestmentFundsRefused(InvestmentsDbContext db, TimeProvider clock)
    : InboxConsumer<InvestmentFundsRefused, InvestmentsDbContext>(db, clock)
{
    protected override async Task ConsumeAsync(InvestmentFundsRefused e, CancellationToken cancellationToken) =>
        (await Db.InvestmentAsync(e.InvestmentId, cancellationToken)).Reject(InvestmentRejectionReasons.InsufficientFunds);
}
