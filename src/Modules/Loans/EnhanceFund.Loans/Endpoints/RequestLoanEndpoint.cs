using EnhanceFund.Loans.Application;
using Microsoft.AspNetCore.Builder;

namespace EnhanceFund.Loans.Endpoints;

public sealed class RequestLoanRequest
{
    public decimal? Amount { get; set; }

    public decimal? InterestRate { get; set; }

    public int? TermMonths { get; set; }

    public string? Purpose { get; set; }
}

internal sealed class RequestLoanValidator : Validator<RequestLoanRequest>
{
    public RequestLoanValidator()
    {
        RuleFor(r => r.Amount).ValidAmount();
        RuleFor(r => r.InterestRate)
            .NotNull().WithMessage("Interest rate is required.")
            .Must(r => r is null || (r > 0 && r <= 100 && Money.IsWrittenWithAtMostTwoDecimals(r.Value)))
            .WithMessage("Interest rate is an annual percentage greater than 0 and at most 100, with at most two decimal places.");
        RuleFor(r => r.TermMonths)
            .NotNull().WithMessage("Term months is required.")
            .InclusiveBetween(1, 120).WithMessage("Term months must be between 1 and 120.");
        RuleFor(r => r.Purpose)
            .Must(p => !string.IsNullOrWhiteSpace(p)).WithMessage("Purpose is required.")
            .AtMostCharacters(500).WithMessage("Purpose must be at most 500 characters long.");
    }
}

internal sealed class RequestLoanEndpoint(IMediator mediator) : Endpoint<RequestLoanRequest>
{
    public override void Configure()
    {
        Post("/api/loans");
        Options(route => route.RequireRateLimiting(RateLimitPolicies.Writes));
        Roles(Role.Borrower);
        Summary(s => s.Summary = "Request a loan (borrowers); it starts pending");
        Description(d => d.Answers<LoanData>(StatusCodes.Status201Created, 400, 401, 403, 409, 429));
    }

    public override Task HandleAsync(RequestLoanRequest request, CancellationToken cancellationToken) =>
        HttpContext.SendIdempotentAsync(
            idempotencyKey => mediator.Send(
                new RequestLoan(
                    User.UserId(), request.Amount!.Value, request.InterestRate!.Value, request.TermMonths!.Value, request.Purpose!,
                    idempotencyKey),
                cancellationToken),
            "Loan requested successfully", LoanData.Of, StatusCodes.Status201Created, cancellationToken);
}
