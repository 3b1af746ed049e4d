using EnhanceFund.Investments.Infrastructure;
using EnhanceFund.Wallet.Contracts;

namespace EnhanceFund.Investments.Application.Consumers;

/// <summary>The investment's share of the repaid loan is in the investor's wallet: closed.</summary>
[ConsumerName("investments.close_on_return_paid")]
internal sealed class CloseOnInvestmentReturnPaid(InvestmentsDbContext db, TimeProvider clock)
    : InboxConsumer<InvestmentReturnPaid, InvestmentsDbContext>(db, clock)
{
    protected override async Task ConsumeAsync(InvestmentReturnPaid e, CancellationToken cancellationToken) =>
        (await Db.InvestmentAsync(e.InvestmentId, cancellationToken)).Close(Money.Of(e.Amount));
}
