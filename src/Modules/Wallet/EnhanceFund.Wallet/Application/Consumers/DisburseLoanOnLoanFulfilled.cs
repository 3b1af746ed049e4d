using EnhanceFund.Loans.Contracts;
using EnhanceFund.Wallet.Domain;
using EnhanceFund.Wallet.Infrastructure;

namespace EnhanceFund.Wallet.Application.Consumers;

/// <summary>A fully funded loan's amount is paid to its borrower, who now owes its repayment.</summary>
[ConsumerName("wallet.disburse_loan_on_loan_fulfilled")]
internal sealed class DisburseLoanOnLoanFulfilled(WalletDbContext db, TimeProvider clock)
    : InboxConsumer<LoanFulfilled, WalletDbContext>(db, clock)
{
    protected override Task ConsumeAsync(LoanFulfilled e, CancellationToken cancellationToken) =>
        Db.MoveFundsAsync(
            e.BorrowerId, Clock.GetUtcNow(),
            async (wallet, transactionId, now) =>
            {
                var debt = await Db.LoanDebts.FindAsync([e.LoanId], cancellationToken);
                if (debt is null)
                {
                    // The request's event may not have arrived yet (a retried delivery): the debt opens here.
                    debt = LoanDebt.Open(e.LoanId, e.BorrowerId);
                    Db.LoanDebts.Add(debt);
                }

                return wallet.ReceiveLoan(transactionId, debt, Money.Of(e.Amount), Money.Of(e.RepaymentDue), now);
            },
            cancellationToken);
}
