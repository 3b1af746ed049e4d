using EnhanceFund.Investments.Application;
using EnhanceFund.Investments.Domain;

namespace EnhanceFund.Investments.Endpoints;

public sealed class ListInvestmentsRequest : PageRequest
{
    [BindFrom("status")]
    public string? Status { get; set; }
}

internal sealed class ListInvestmentsValidator : Validator<ListInvestmentsRequest>
{
    public ListInvestmentsValidator()
    {
        Include(new PageRequestValidator());
        RuleFor(r => r.Status)
            .Must(s => s is null || InvestmentStatusCodes.Find(s) is not null)
            .WithMessage($"Status must be one of: {string.Join(", ", InvestmentStatusCodes.All)}.");
    }
}

internal sealed class ListInvestmentsEndpoint(IMediator mediator) : Endpoint<ListInvestmentsRequest>
{
    public override void Configure()
    {
        Get("/api/investments");
        Roles(Role.Investor);
        Summary(s => s.Summary = "The signed-in investor's investments, newest first");
        Description(d => d.Answers<InvestmentPage>(StatusCodes.Status200OK, 400, 401, 403));
    }

    public override async Task HandleAsync(ListInvestmentsRequest request, CancellationToken cancellationToken)
    {
        var status = request.Status is null ? null : InvestmentStatusCodes.Find(request.Status);
        var page = await mediator.Send(new ListInvestments(User.UserId(), status, request.PageSize, request.BeforeId), cancellationToken);
        await HttpContext.Response.SendSuccessAsync("Investments retrieved successfully", page, cancellationToken: cancellationToken);
    }
}
