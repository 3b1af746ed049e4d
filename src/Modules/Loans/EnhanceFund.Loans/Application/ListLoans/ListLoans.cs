using EnhanceFund.BuildingBlocks.Web;
using EnhanceFund.Loans.Domain;
using EnhanceFund.Loans.Infrastructure;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace EnhanceFund.Loans.Application.ListLoans;

public sealed record ListLoans(LoanViewer Viewer, LoanStatus? Status, int Limit, long? BeforeId) : IRequest<LoanPage>;

public sealed record LoanPage(IReadOnlyList<LoanDto> Loans, long? NextBeforeId);

internal sealed class ListLoansHandler(LoansDbContext db) : IRequestHandler<ListLoans, LoanPage>
{
    public async Task<LoanPage> Handle(ListLoans query, CancellationToken cancellationToken)
    {
        var loans = query.Viewer.Visible(db);
        if (query.Status is { } status) loans = loans.Where(l => l.Status == status);
        var fetched = await loans
            .Where(l => query.BeforeId == null || l.Id < query.BeforeId)
            .OrderByDescending(l => l.Id)
            .Take(query.Limit + 1)
            .ToListAsync(cancellationToken);
        var (items, nextBeforeId) = Page.Of(fetched.Select(LoanDto.From).ToList(), query.Limit, l => l.Id);
        return new LoanPage(items, nextBeforeId);
    }
}
