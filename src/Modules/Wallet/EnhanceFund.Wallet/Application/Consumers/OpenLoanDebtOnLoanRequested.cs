using EnhanceFund.Loans.Contracts;
using EnhanceFund.Wallet.Domain;
using EnhanceFund.Wallet.Infrastructure;

namespace EnhanceFund.Wallet.Application.Consumers;

/// <summary>Notes whose loan it is, so that a repayment of another borrower's loan is a 404 and of an unfunded one a 409.</summary>
[ConsumerName("wallet.open_loan_debt_on_loan_requested")]
internal sealed class OpenLoanDebtOnLoanRequested(WalletDbContext db, TimeProvider clock)
    : InboxConsumer<LoanRequested, WalletDbContext>(db, clock)
{
    protected override async Task ConsumeAsync(LoanRequested e, CancellationToken cancellationToken)
    {
        // The disbursement may have arrived first (a retried delivery), and opened the debt itself.
        if (await Db.LoanDebts.FindAsync([e.LoanId], cancellationToken) is null)
            Db.LoanDebts.Add(LoanDebt.Open(e.LoanId, e.BorrowerId));
    }
}
