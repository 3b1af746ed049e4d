using EnhanceFund.BuildingBlocks.Web;
using EnhanceFund.Loans.Application.GetLoan;
using FastEndpoints;
using MediatR;

namespace EnhanceFund.Loans.Endpoints;

internal sealed class GetLoanEndpoint(IMediator mediator) : Endpoint<IdRequest>
{
    public override void Configure()
    {
        Get("/api/loans/{id}");
        Summary(s => s.Summary = "One loan the signed-in user may see (404 otherwise)");
    }

    public override async Task HandleAsync(IdRequest request, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new GetLoan(User.LoanViewer(), request.Id), cancellationToken);
        await HttpContext.Response.SendResultAsync(result, "Loan retrieved successfully", loan => new { loan }, cancellationToken: cancellationToken);
    }
}
