using EnhanceFund.Investments.Domain;
using EnhanceFund.Investments.Infrastructure;

namespace EnhanceFund.Investments.Application;

public sealed record ListInvestments(long InvestorId, InvestmentStatus? Status, int Limit, long? BeforeId) : IRequest<InvestmentPage>;

public sealed record InvestmentPage(IReadOnlyList<InvestmentDto> Investments, long? NextBeforeId);

internal sealed class ListInvestmentsHandler(InvestmentsDbContext db) : IRequestHandler<ListInvestments, InvestmentPage>
{
    public async Task<InvestmentPage> Handle(ListInvestments query, CancellationToken cancellationToken)
    {
        var investments = db.Investments.AsNoTracking().Where(i => i.InvestorId == query.InvestorId);
        if (query.Status is { } status) investments = investments.Where(i => i.Status == status);
        var (items, nextBeforeId) = await investments
            .ToNewestFirstPageAsync(i => i.Id, query.BeforeId, query.Limit, InvestmentDto.From, cancellationToken);
        return new InvestmentPage(items, nextBeforeId);
    }
}
