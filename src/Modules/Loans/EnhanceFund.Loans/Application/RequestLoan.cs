using EnhanceFund.Loans.Domain;
using EnhanceFund.Loans.Infrastructure;

namespace EnhanceFund.Loans.Application;

public sealed record RequestLoan(long BorrowerId, decimal Amount, decimal InterestRate, int TermMonths, string Purpose) : IRequest<LoanDto>;

internal sealed class RequestLoanHandler(LoansDbContext db, TimeProvider clock) : IRequestHandler<RequestLoan, LoanDto>
{
    public async Task<LoanDto> Handle(RequestLoan command, CancellationToken cancellationToken)
    {
        var id = await db.NextIdAsync(LoansDbContext.LoanIds, cancellationToken);
        var loan = Loan.Request(
            id, command.BorrowerId, Money.Of(command.Amount), command.InterestRate, command.TermMonths, command.Purpose, clock.GetUtcNow());
        db.Loans.Add(loan);
        await db.SaveChangesAsync(cancellationToken);
        return LoanDto.From(loan);
    }
}
