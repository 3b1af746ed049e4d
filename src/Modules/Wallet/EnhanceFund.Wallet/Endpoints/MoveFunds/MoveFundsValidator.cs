using EnhanceFund.BuildingBlocks.Web;
using FastEndpoints;
using FluentValidation;

namespace EnhanceFund.Wallet.Endpoints.MoveFunds;

internal sealed class MoveFundsValidator : Validator<MoveFundsRequest>
{
    public MoveFundsValidator() => RuleFor(r => r.Amount).ValidAmount();
}
