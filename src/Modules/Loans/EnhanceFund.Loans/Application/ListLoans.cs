using EnhanceFund.Loans.Domain;
using EnhanceFund.Loans.Infrastructure;

namespace EnhanceFund.Loans.Application;

public sealed record ListLoans(LoanViewer Viewer, LoanStatus? Status, int Limit, long? BeforeId) : IRequest<LoanPage>;

public sealed record LoanPage(IReadOnlyList<LoanDto> Loans, long? NextBeforeId);

internal sealed class ListLoansHandler(LoansDbContext db) : IRequestHandler<ListLoans, LoanPage>
{
    public async Task<LoanPage> Handle(ListLoans query, CancellationToken cancellationToken)
    {
        var loans = query.Viewer.Visible(db);
        if (query.Status is { } status) loans = loans.Where(l => l.Status == status);
        var (items, nextBeforeId) = await loans.ToNewestFirstPageAsync(l => l.Id, query.BeforeId, query.Limit, LoanDto.From, cancellationToken);
        return new LoanPage(items, nextBeforeId);
    }
}
