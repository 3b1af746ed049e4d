using EnhanceFund.Loans.Contracts;
using EnhanceFund.Wallet.Infrastructure;

namespace EnhanceFund.Wallet.Application.Consumers;

/// <summary>A fully funded loan's amount is paid to its borrower, who now owes its repayment.</summary>
[ConsumerName("wallet.disburse_loan_on_loan_fulfilled")]
internal sealed class DisburseLoanOnLoanFulfilled(WalletDbContext db, TimeProvider clock)
    : InboxConsumer<LoanFulfilled, WalletDbContext>(db, clock)
{
    protected override Task ConsumeAsync(LoanFulfilled e, CancellationToken cancellationToken) =>
        Db.MoveFundsAsync(
            e.BorrowerId, Clock,
            async (wallet, transactionId, now) =>
            {
                var debt = await Db.OpenLoanDebtAsync(e.LoanId, e.BorrowerId, cancellationToken);
                return wallet.ReceiveLoan(transactionId, debt, Money.Of(e.Amount), Money.Of(e.RepaymentDue), now);
            },
            cancellationToken);
}
