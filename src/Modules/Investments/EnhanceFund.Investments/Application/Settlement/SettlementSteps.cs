using EnhanceFund.BuildingBlocks.Domain;
using EnhanceFund.BuildingBlocks.Messaging;
using EnhanceFund.Investments.Domain;
using EnhanceFund.Investments.Infrastructure;
using EnhanceFund.Loans.Contracts;
using EnhanceFund.Wallet.Contracts;

namespace EnhanceFund.Investments.Application.Settlement;

// Each step of the saga that ends at an investment: one event in, one transition of the investment out.

/// <summary>The wallet could not cover the investment: rejected, nothing was taken.</summary>
[ConsumerName("investments.reject_on_funds_refused")]
internal sealed class RejectOnFundsRefused(InvestmentsDbContext db, TimeProvider clock)
    : InboxConsumer<InvestmentFundsRefused, InvestmentsDbContext>(db, clock)
{
    protected override async Task ConsumeAsync(InvestmentFundsRefused e, CancellationToken cancellationToken) =>
        (await Db.InvestmentAsync(e.InvestmentId, cancellationToken)).Reject(Investment.InsufficientFunds);
}

/// <summary>The loan refused the money and the wallet has it back: rejected for the loan's reason.</summary>
[ConsumerName("investments.reject_on_funds_refunded")]
internal sealed class RejectOnFundsRefunded(InvestmentsDbContext db, TimeProvider clock)
    : InboxConsumer<InvestmentFundsRefunded, InvestmentsDbContext>(db, clock)
{
    protected override async Task ConsumeAsync(InvestmentFundsRefunded e, CancellationToken cancellationToken) =>
        (await Db.InvestmentAsync(e.InvestmentId, cancellationToken)).Reject(e.Reason);
}

/// <summary>The loan took the money: active.</summary>
[ConsumerName("investments.activate_on_loan_funded")]
internal sealed class ActivateOnLoanFunded(InvestmentsDbContext db, TimeProvider clock)
    : InboxConsumer<LoanFunded, InvestmentsDbContext>(db, clock)
{
    protected override async Task ConsumeAsync(LoanFunded e, CancellationToken cancellationToken) =>
        (await Db.InvestmentAsync(e.InvestmentId, cancellationToken)).Activate(Money.Of(e.ExpectedReturn));
}

/// <summary>The investment's share of the repaid loan is in the investor's wallet: closed.</summary>
[ConsumerName("investments.close_on_return_paid")]
internal sealed class CloseOnReturnPaid(InvestmentsDbContext db, TimeProvider clock)
    : InboxConsumer<InvestmentReturnPaid, InvestmentsDbContext>(db, clock)
{
    protected override async Task ConsumeAsync(InvestmentReturnPaid e, CancellationToken cancellationToken) =>
        (await Db.InvestmentAsync(e.InvestmentId, cancellationToken)).Close(Money.Of(e.Amount));
}
