using FastEndpoints;
using FluentValidation;

namespace EnhanceFund.Loans.Endpoints;

public sealed class LoanIdRequest
{
    public long Id { get; set; }
}

internal sealed class LoanIdValidator : Validator<LoanIdRequest>
{
    public LoanIdValidator() => RuleFor(r => r.Id).GreaterThan(0).WithMessage("Id must be a positive id.");
}
