using EnhanceFund.Loans.Application;
using EnhanceFund.Loans.Domain;

namespace EnhanceFund.Loans.Endpoints;

public sealed class ListLoansRequest : PageRequest
{
    [BindFrom("status")]
    public string? Status { get; set; }
}

internal sealed class ListLoansValidator : Validator<ListLoansRequest>
{
    public ListLoansValidator()
    {
        Include(new PageRequestValidator());
        RuleFor(r => r.Status)
            .Must(s => s is null || LoanStatusCodes.Find(s) is not null)
            .WithMessage($"Status must be one of: {string.Join(", ", LoanStatusCodes.All)}.");
    }
}

internal sealed class ListLoansEndpoint(IMediator mediator) : Endpoint<ListLoansRequest>
{
    public override void Configure()
    {
        Get("/api/loans");
        Summary(s => s.Summary = "Loans: investors see approved ones, borrowers their own, admins all; newest first");
        Description(d => d.Answers<LoanPage>(StatusCodes.Status200OK, 400, 401));
    }

    public override async Task HandleAsync(ListLoansRequest request, CancellationToken cancellationToken)
    {
        var status = request.Status is null ? null : LoanStatusCodes.Find(request.Status);
        var page = await mediator.Send(new ListLoans(User.LoanViewer(), status, request.PageSize, request.BeforeId), cancellationToken);
        await HttpContext.Response.SendSuccessAsync("Loans retrieved successfully", page, cancellationToken: cancellationToken);
    }
}
