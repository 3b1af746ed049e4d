using EnhanceFund.Loans.Infrastructure;
using EnhanceFund.Wallet.Contracts;

namespace EnhanceFund.Loans.Application.Consumers;

/// <summary>The borrower's wallet paid: the loan is repaid, and what was collected is split among its investments.</summary>
[ConsumerName("loans.repay_loan_on_repayment_collected")]
internal sealed class RepayLoanOnLoanRepaymentCollected(LoansDbContext db, TimeProvider clock)
    : InboxConsumer<LoanRepaymentCollected, LoansDbContext>(db, clock)
{
    protected override async Task ConsumeAsync(LoanRepaymentCollected e, CancellationToken cancellationToken)
    {
        var loan = await Db.LockLoanAsync(e.LoanId, cancellationToken)
            ?? throw new InvalidOperationException($"Repayment collected for loan {e.LoanId}, which does not exist.");
        var fundings = await Db.AcceptedFundings(loan.Id).OrderBy(f => f.InvestmentId).ToListAsync(cancellationToken);
        loan.Repay(Money.Of(e.Amount), fundings);
    }
}
