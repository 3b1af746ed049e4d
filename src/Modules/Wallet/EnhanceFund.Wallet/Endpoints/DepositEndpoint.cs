using EnhanceFund.BuildingBlocks.Domain;
using EnhanceFund.BuildingBlocks.Web;
using EnhanceFund.Wallet.Application;
using MediatR;
using Microsoft.AspNetCore.Builder;

namespace EnhanceFund.Wallet.Endpoints;

internal sealed class DepositEndpoint(IMediator mediator) : MoveFundsEndpoint(mediator)
{
    protected override string SuccessMessage => "Funds deposited successfully";

    public override void Configure()
    {
        Post("/api/wallet/deposits");
        Options(route => route.RequireRateLimiting(RateLimitPolicies.Writes));
        Summary(s => s.Summary = "Credit the signed-in user's wallet (triggers fund_added)");
    }

    protected override IRequest<Result<WalletMovement>> CommandFor(long userId, decimal amount, string? idempotencyKey) =>
        new DepositFunds(userId, amount, idempotencyKey);
}
