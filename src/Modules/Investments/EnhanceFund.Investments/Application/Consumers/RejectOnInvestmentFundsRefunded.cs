using EnhanceFund.Investments.Infrastructure;
using EnhanceFund.Wallet.Contracts;

namespace EnhanceFund.Investments.Application.Consumers;

/// <summary>The loan refused the money and the wallet has it back: rejected for the loan's reason.</summary>
[ConsumerName("investments.reject_on_funds_refunded")]
internal sealed class RejectOnInvestmentFundsRefunded(InvestmentsDbContext db, TimeProvider clock)
    : InboxConsumer<InvestmentFundsRefunded, InvestmentsDbContext>(db, clock)
{
    protected override async Task ConsumeAsync(InvestmentFundsRefunded e, CancellationToken cancellationToken) =>
        (await Db.InvestmentAsync(e.InvestmentId, cancellationToken)).Reject(e.Reason);
}
