using EnhanceFund.BuildingBlocks.Domain;
using EnhanceFund.BuildingBlocks.Web;
using EnhanceFund.BuildingBlocks.Web.Auth;
using EnhanceFund.Wallet.Application;
using FastEndpoints;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Http;

namespace EnhanceFund.Wallet.Endpoints;

/// <summary>The body of a deposit or withdrawal. The Idempotency-Key comes from its header only, never the body.</summary>
public sealed class MoveFundsRequest
{
    public decimal? Amount { get; set; }
}

internal sealed class MoveFundsValidator : Validator<MoveFundsRequest>
{
    public MoveFundsValidator() => RuleFor(r => r.Amount).ValidAmount();
}

/// <summary>Deposit and withdrawal differ only in route, command and wording.</summary>
internal abstract class MoveFundsEndpoint(IMediator mediator) : Endpoint<MoveFundsRequest>
{
    protected abstract string SuccessMessage { get; }

    protected abstract IRequest<Result<WalletMovement>> CommandFor(long userId, decimal amount, string? idempotencyKey);

    public override async Task HandleAsync(MoveFundsRequest request, CancellationToken cancellationToken)
    {
        if (!IdempotencyKeyHeader.TryRead(HttpContext.Request, out var idempotencyKey, out var invalid))
        {
            await HttpContext.Response.SendErrorAsync(invalid, cancellationToken);
            return;
        }

        var result = await mediator.Send(CommandFor(User.UserId(), request.Amount!.Value, idempotencyKey), cancellationToken);
        await HttpContext.Response.SendResultAsync(
            result, SuccessMessage, movement => movement, StatusCodes.Status201Created, cancellationToken);
    }
}
