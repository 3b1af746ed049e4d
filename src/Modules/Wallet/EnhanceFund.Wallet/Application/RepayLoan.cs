using EnhanceFund.Wallet.Infrastructure;

namespace EnhanceFund.Wallet.Application;

public sealed record RepayLoan(long BorrowerId, long LoanId, string? IdempotencyKey) : IRequest<Result<WalletMovement>>;

/// <summary>
/// Repayment starts in the wallet because the money decides it: the balance is checked and debited in one
/// transaction, so a short balance is a 409 now, not a failure reported later. Closing the loan and paying the
/// investors follow through events.
/// </summary>
internal sealed class RepayLoanHandler(FundsMover mover, WalletDbContext db) : IRequestHandler<RepayLoan, Result<WalletMovement>>
{
    public Task<Result<WalletMovement>> Handle(RepayLoan command, CancellationToken cancellationToken) =>
        mover.ExecuteAsync(
            command.BorrowerId, $"repayment:{command.LoanId}", command.IdempotencyKey,
            async (wallet, transactionId, now) =>
            {
                // Read under the borrower's wallet lock, so two repayments of one loan cannot both find it unpaid.
                var debt = await db.LoanDebts.FindAsync([command.LoanId], cancellationToken);
                return debt is null || debt.BorrowerId != command.BorrowerId
                    ? Error.NotFoundOf("Loan")
                    : wallet.RepayLoan(transactionId, debt, now);
            },
            cancellationToken);
}
