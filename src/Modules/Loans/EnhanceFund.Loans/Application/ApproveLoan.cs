using EnhanceFund.Loans.Infrastructure;

namespace EnhanceFund.Loans.Application;

public sealed record ApproveLoan(long LoanId) : IRequest<Result<LoanDto>>;

internal sealed class ApproveLoanHandler(LoansDbContext db) : IRequestHandler<ApproveLoan, Result<LoanDto>>
{
    public async Task<Result<LoanDto>> Handle(ApproveLoan command, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Locked, so two admins approving at once cannot both see "pending" and both raise LoanApproved.
        var loan = await db.LockLoanAsync(command.LoanId, cancellationToken);
        if (loan is null) return Error.NotFoundOf("Loan");

        var approved = loan.Approve();
        if (!approved.IsSuccess) return approved.Error!;

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return LoanDto.From(loan);
    }
}
