using EnhanceFund.BuildingBlocks.Domain;
using EnhanceFund.Loans.Infrastructure;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace EnhanceFund.Loans.Application.GetLoan;

public sealed record GetLoan(LoanViewer Viewer, long LoanId) : IRequest<Result<LoanDto>>;

internal sealed class GetLoanHandler(LoansDbContext db) : IRequestHandler<GetLoan, Result<LoanDto>>
{
    public async Task<Result<LoanDto>> Handle(GetLoan query, CancellationToken cancellationToken)
    {
        var loan = await query.Viewer.Visible(db).SingleOrDefaultAsync(l => l.Id == query.LoanId, cancellationToken);
        return loan is null ? LoanErrors.NotFound : LoanDto.From(loan);
    }
}
