using EnhanceFund.Investments.Infrastructure;
using EnhanceFund.Loans.Contracts;

namespace EnhanceFund.Investments.Application.Consumers;

/// <summary>The loan took the money: active.</summary>
[ConsumerName("investments.activate_on_loan_funded")]
internal sealed class ActivateOnLoanFunded(InvestmentsDbContext db, TimeProvider clock)
    : InboxConsumer<LoanFunded, InvestmentsDbContext>(db, clock)
{
    protected override async Task ConsumeAsync(LoanFunded e, CancellationToken cancellationToken) =>
        (await Db.InvestmentAsync(e.InvestmentId, cancellationToken)).Activate(Money.Of(e.ExpectedReturn));
}
