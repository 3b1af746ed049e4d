using EnhanceFund.Loans.Application;

namespace EnhanceFund.Loans.Endpoints;

internal sealed class ApproveLoanEndpoint(IMediator mediator) : Endpoint<IdRequest>
{
    public override void Configure()
    {
        Post("/api/loans/{id}/approve");
        Roles(Role.Admin);
        Summary(s => s.Summary = "Approve a pending loan (admins); 409 if it is not pending (triggers loan_approved)");
        Description(d => d.Answers<LoanData>(StatusCodes.Status200OK, 400, 401, 403, 404, 409));
    }

    public override async Task HandleAsync(IdRequest request, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new ApproveLoan(request.Id), cancellationToken);
        await HttpContext.Response.SendResultAsync(result, "Loan approved successfully", LoanData.Of, cancellationToken: cancellationToken);
    }
}
