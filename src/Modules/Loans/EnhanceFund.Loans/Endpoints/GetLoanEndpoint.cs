using EnhanceFund.Loans.Application;

namespace EnhanceFund.Loans.Endpoints;

internal sealed class GetLoanEndpoint(IMediator mediator) : Endpoint<IdRequest>
{
    public override void Configure()
    {
        Get("/api/loans/{id}");
        Summary(s => s.Summary = "One loan the signed-in user may see (404 otherwise)");
        Description(d => d.Answers<LoanData>(StatusCodes.Status200OK, 400, 401, 404));
    }

    public override async Task HandleAsync(IdRequest request, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new GetLoan(User.LoanViewer(), request.Id), cancellationToken);
        await HttpContext.Response.SendResultAsync(result, "Loan retrieved successfully", LoanData.Of, cancellationToken: cancellationToken);
    }
}
