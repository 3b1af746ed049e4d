using EnhanceFund.Wallet.Application;
using Microsoft.AspNetCore.Builder;

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

/// <summary>Deposit and withdrawal differ only in route, wording and command: each is this endpoint with its own.</summary>
internal abstract class MoveFundsEndpoint(
    IMediator mediator, string route, string summary, string successMessage,
    Func<long, decimal, string?, IRequest<Result<WalletMovement>>> command) : Endpoint<MoveFundsRequest>
{
    public override void Configure()
    {
        Post(route);
        Options(r => r.RequireRateLimiting(RateLimitPolicies.Writes));
        Summary(s => s.Summary = summary);
        Description(d => d.Answers<WalletMovement>(StatusCodes.Status201Created, 400, 401, 409, 429));
    }

    public override Task HandleAsync(MoveFundsRequest request, CancellationToken cancellationToken) =>
        HttpContext.SendIdempotentAsync(
            idempotencyKey => mediator.Send(command(User.UserId(), request.Amount!.Value, idempotencyKey), cancellationToken),
            successMessage, movement => movement, StatusCodes.Status201Created, cancellationToken);
}
