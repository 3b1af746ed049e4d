using EnhanceFund.BuildingBlocks.Domain;
using EnhanceFund.Investments.Infrastructure;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace EnhanceFund.Investments.Application;

public sealed record GetInvestment(long InvestorId, long InvestmentId) : IRequest<Result<InvestmentDto>>;

internal sealed class GetInvestmentHandler(InvestmentsDbContext db) : IRequestHandler<GetInvestment, Result<InvestmentDto>>
{
    private static readonly Error NotFound = Error.NotFound("Investment not found.");

    public async Task<Result<InvestmentDto>> Handle(GetInvestment query, CancellationToken cancellationToken)
    {
        // Another investor's investment is "not found", never "forbidden": its existence is not ours to reveal.
        var investment = await db.Investments.AsNoTracking()
            .SingleOrDefaultAsync(i => i.Id == query.InvestmentId && i.InvestorId == query.InvestorId, cancellationToken);
        return investment is null ? NotFound : InvestmentDto.From(investment);
    }
}
