using EnhanceFund.Investments.Contracts;
using EnhanceFund.Loans.Domain;
using EnhanceFund.Loans.Infrastructure;
using EnhanceFund.Wallet.Contracts;

namespace EnhanceFund.Loans.Application.Consumers;

/// <summary>
/// The saga's second step: the investor's money is debited, so the loan takes it, or refuses it and the wallet
/// refunds it. The loan row is locked, so investors racing for the last remaining amount queue here and the
/// loan is never over-funded.
/// </summary>
[ConsumerName("loans.fund_loan_on_investment_funds_debited")]
internal sealed class FundLoanOnInvestmentFundsDebited(LoansDbContext db, TimeProvider clock)
    : InboxConsumer<InvestmentFundsDebited, LoansDbContext>(db, clock)
{
    protected override async Task ConsumeAsync(InvestmentFundsDebited e, CancellationToken cancellationToken)
    {
        var amount = Money.Of(e.Amount);
        var now = Clock.GetUtcNow();
        if (await Db.LockLoanAsync(e.LoanId, cancellationToken) is not { } loan)
        {
            Db.Fundings.Add(LoanFunding.Reject(e.InvestmentId, e.LoanId, e.InvestorId, amount, InvestmentRejectionReasons.LoanNotOpen, now));
            return;
        }

        var investorsSoFar = await Db.AcceptedFundings(loan.Id).Select(f => f.InvestorId).Distinct().ToListAsync(cancellationToken);
        Db.Fundings.Add(loan.Fund(e.InvestmentId, e.InvestorId, amount, investorsSoFar.ToHashSet(), now));
    }
}
