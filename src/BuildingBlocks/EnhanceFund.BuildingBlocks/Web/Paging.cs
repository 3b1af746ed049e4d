using FastEndpoints;
using FluentValidation;

namespace EnhanceFund.BuildingBlocks.Web;

/// <summary>The bounded id-cursor every list endpoint takes: <c>?limit=&amp;before_id=</c>.</summary>
public abstract class PageRequest
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    [BindFrom("limit")]
    public int? Limit { get; set; }

    [BindFrom("before_id")]
    public long? BeforeId { get; set; }

    public int PageSize => Limit ?? DefaultLimit;
}

public sealed class PageRequestValidator : AbstractValidator<PageRequest>
{
    public PageRequestValidator()
    {
        RuleFor(r => r.Limit)
            .InclusiveBetween(1, PageRequest.MaxLimit)
            .WithMessage($"Limit must be between 1 and {PageRequest.MaxLimit}.");
        RuleFor(r => r.BeforeId).GreaterThan(0).WithMessage("Before id must be a positive id.");
    }
}
