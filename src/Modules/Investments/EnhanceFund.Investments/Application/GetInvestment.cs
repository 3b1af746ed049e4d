using EnhanceFund.Investments.Infrastructure;

namespace EnhanceFund.Investments.Application;

public sealed record GetInvestment(long InvestorId, long InvestmentId) : IRequest<Result<InvestmentDto>>;

internal sealed class GetInvestmentHandler(InvestmentsDbContext db) : IRequestHandler<GetInvestment, Result<InvestmentDto>>
{
    // Another investor's investment is "not found", never "forbidden": its existence is not ours to reveal.
    public Task<Result<InvestmentDto>> Handle(GetInvestment query, CancellationToken cancellationToken) =>
        db.Investments.AsNoTracking().Where(i => i.InvestorId == query.InvestorId)
            .SingleOrErrorAsync(i => i.Id == query.InvestmentId, Error.NotFoundOf("Investment"), InvestmentDto.From, cancellationToken);
}
