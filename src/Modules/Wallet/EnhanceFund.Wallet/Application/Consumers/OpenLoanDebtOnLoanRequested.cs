using EnhanceFund.Loans.Contracts;
using EnhanceFund.Wallet.Infrastructure;

namespace EnhanceFund.Wallet.Application.Consumers;

/// <summary>Notes whose loan it is, so that a repayment of another borrower's loan is a 404 and of an unfunded one a 409.</summary>
[ConsumerName("wallet.open_loan_debt_on_loan_requested")]
internal sealed class OpenLoanDebtOnLoanRequested(WalletDbContext db, TimeProvider clock)
    : InboxConsumer<LoanRequested, WalletDbContext>(db, clock)
{
    protected override Task ConsumeAsync(LoanRequested e, CancellationToken cancellationToken) =>
        Db.OpenLoanDebtAsync(e.LoanId, e.BorrowerId, cancellationToken);
}
