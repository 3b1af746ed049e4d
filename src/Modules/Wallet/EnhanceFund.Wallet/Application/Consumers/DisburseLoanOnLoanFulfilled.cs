using EnhanceFund.BuildingBlocks.Domain;
using EnhanceFund.BuildingBlocks.Messaging;
using EnhanceFund.Loans.Contracts;
using EnhanceFund.Wallet.Domain;
using EnhanceFund.Wallet.Infrastructure;

namespace EnhanceFund.Wallet.Application.Consumers;

/// <summary>A fully funded loan's amount is paid to its borrower, who now owes its repayment.</summary>
[ConsumerName("wallet.disburse_loan_on_loan_fulfilled")]
internal sealed class DisburseLoanOnLoanFulfilled(WalletDbContext db, TimeProvider clock)
    : InboxConsumer<LoanFulfilled, WalletDbContext>(db, clock)
{
    protected override async Task ConsumeAsync(LoanFulfilled e, CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow();
        var wallet = await Db.LockWalletAsync(e.BorrowerId, now, cancellationToken);
        var debt = await Db.LoanDebts.FindAsync([e.LoanId], cancellationToken);
        if (debt is null)
        {
            debt = LoanDebt.Open(e.LoanId, e.BorrowerId);
            Db.LoanDebts.Add(debt);
        }

        var transactionId = await Db.NextTransactionIdAsync(cancellationToken);
        Db.Transactions.Add(wallet.ReceiveLoan(transactionId, debt, Money.Of(e.Amount), Money.Of(e.RepaymentDue), now));
    }
}
