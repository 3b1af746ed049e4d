using FastEndpoints;
using FluentValidation;

namespace EnhanceFund.BuildingBlocks.Web;

/// <summary>A request naming one resource by its route id: <c>/api/loans/{id}</c>, <c>/api/notifications/{id}</c>.</summary>
public class IdRequest
{
    public long Id { get; set; }
}

public sealed class IdRequestValidator : Validator<IdRequest>
{
    public IdRequestValidator() => RuleFor(r => r.Id).GreaterThan(0).WithMessage("Id must be a positive id.");
}
