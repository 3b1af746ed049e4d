using EnhanceFund.Investments.Application;
using Microsoft.AspNetCore.Builder;

namespace EnhanceFund.Investments.Endpoints;

public sealed class MakeInvestmentRequest
{
    public long? LoanId { get; set; }

    public decimal? Amount { get; set; }
}

internal sealed class MakeInvestmentValidator : Validator<MakeInvestmentRequest>
{
    public MakeInvestmentValidator()
    {
        RuleFor(r => r.LoanId)
            .NotNull().WithMessage("Loan id is required.")
            .GreaterThan(0).WithMessage("Loan id must be a positive id.");
        RuleFor(r => r.Amount).ValidAmount();
    }
}

internal sealed class MakeInvestmentEndpoint(IMediator mediator) : Endpoint<MakeInvestmentRequest>
{
    public override void Configure()
    {
        Post("/api/investments");
        Options(route => route.RequireRateLimiting(RateLimitPolicies.Writes));
        Roles(Role.Investor);
        Summary(s => s.Summary = "Invest in a loan (investors); answers 202 with a pending investment that settles asynchronously");
        Description(d => d.Answers<InvestmentData>(StatusCodes.Status202Accepted, 400, 401, 403, 409, 429));
    }

    public override Task HandleAsync(MakeInvestmentRequest request, CancellationToken cancellationToken) =>
        HttpContext.SendIdempotentAsync(
            idempotencyKey => mediator.Send(
                new MakeInvestment(User.UserId(), request.LoanId!.Value, request.Amount!.Value, idempotencyKey), cancellationToken),
            "Investment accepted for processing", investment => new InvestmentData(investment), StatusCodes.Status202Accepted,
            cancellationToken);
}
