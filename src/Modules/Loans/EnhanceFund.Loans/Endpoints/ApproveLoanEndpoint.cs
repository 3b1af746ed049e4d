using EnhanceFund.BuildingBlocks.Web;
using EnhanceFund.BuildingBlocks.Web.Auth;
using EnhanceFund.Loans.Application.ApproveLoan;
using FastEndpoints;
using MediatR;

namespace EnhanceFund.Loans.Endpoints;

internal sealed class ApproveLoanEndpoint(IMediator mediator) : Endpoint<IdRequest>
{
    public override void Configure()
    {
        Post("/api/loans/{id}/approve");
        Roles(Role.Admin);
        Summary(s => s.Summary = "Approve a pending loan (admins); 409 if it is not pending (triggers loan_approved)");
    }

    public override async Task HandleAsync(IdRequest request, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new ApproveLoan(request.Id), cancellationToken);
        await HttpContext.Response.SendResultAsync(result, "Loan approved successfully", loan => new { loan }, cancellationToken: cancellationToken);
    }
}
