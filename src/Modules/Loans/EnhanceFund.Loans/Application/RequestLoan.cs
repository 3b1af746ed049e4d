using System.Security.Cryptography;
using System.Text;
using EnhanceFund.Loans.Domain;
using EnhanceFund.Loans.Infrastructure;

namespace EnhanceFund.Loans.Application;

public sealed record RequestLoan(long BorrowerId, decimal Amount, decimal InterestRate, int TermMonths, string Purpose, string? IdempotencyKey)
    : IRequest<Result<LoanDto>>;

/// <summary>
/// Records the loan as pending. Under an Idempotency-Key a retried request (after a timeout, say) records it once and
/// answers the first loan again: a borrower whose answer was lost does not end up with two loans.
/// </summary>
internal sealed class RequestLoanHandler(LoansDbContext db, TimeProvider clock) : IRequestHandler<RequestLoan, Result<LoanDto>>
{
    public Task<Result<LoanDto>> Handle(RequestLoan command, CancellationToken cancellationToken)
    {
        var amount = Money.Of(command.Amount);
        return db.ExecuteOnceAsync<LoanDto>(
            clock, command.BorrowerId, command.IdempotencyKey, Fingerprint(command, amount),
            async now =>
            {
                var id = await db.NextIdAsync(LoansDbContext.LoanIds, cancellationToken);
                var loan = Loan.Request(id, command.BorrowerId, amount, command.InterestRate, command.TermMonths, command.Purpose, now);
                db.Loans.Add(loan);
                return LoanDto.From(loan);
            },
            cancellationToken);
    }

    /// <summary>
    /// What makes a retry the same request: its terms, and its purpose as stored (trimmed), hashed to fit the record.
    /// </summary>
    private static string Fingerprint(RequestLoan command, Money amount)
    {
        var purpose = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(command.Purpose.Trim())))[..16];
        return $"loan:{amount.Amount}:{command.InterestRate:0.00}:{command.TermMonths}:{purpose}";
    }
}
