using EnhanceFund.Investments.Application;

namespace EnhanceFund.Investments.Endpoints;

internal sealed class GetInvestmentEndpoint(IMediator mediator) : Endpoint<IdRequest>
{
    public override void Configure()
    {
        Get("/api/investments/{id}");
        Roles(Role.Investor);
        Summary(s => s.Summary = "One of the signed-in investor's investments (404 for anyone else's)");
        Description(d => d.Answers<InvestmentData>(StatusCodes.Status200OK, 400, 401, 403, 404));
    }

    public override async Task HandleAsync(IdRequest request, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new GetInvestment(User.UserId(), request.Id), cancellationToken);
        await HttpContext.Response.SendResultAsync(
            result, "Investment retrieved successfully", investment => new InvestmentData(investment), cancellationToken: cancellationToken);
    }
}

public sealed record InvestmentData(InvestmentDto Investment);
