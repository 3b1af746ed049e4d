using EnhanceFund.Loans.Infrastructure;

namespace EnhanceFund.Loans.Application;

public sealed record GetLoan(LoanViewer Viewer, long LoanId) : IRequest<Result<LoanDto>>;

internal sealed class GetLoanHandler(LoansDbContext db) : IRequestHandler<GetLoan, Result<LoanDto>>
{
    public Task<Result<LoanDto>> Handle(GetLoan query, CancellationToken cancellationToken) =>
        query.Viewer.Visible(db).SingleOrErrorAsync(l => l.Id == query.LoanId, Error.NotFoundOf("Loan"), LoanDto.From, cancellationToken);
}
