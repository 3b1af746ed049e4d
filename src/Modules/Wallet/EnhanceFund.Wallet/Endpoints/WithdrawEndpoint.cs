using EnhanceFund.BuildingBlocks.Domain;
using EnhanceFund.BuildingBlocks.Web;
using EnhanceFund.Wallet.Application;
using MediatR;
using Microsoft.AspNetCore.Builder;

namespace EnhanceFund.Wallet.Endpoints;

internal sealed class WithdrawEndpoint(IMediator mediator) : MoveFundsEndpoint(mediator)
{
    protected override string SuccessMessage => "Funds withdrawn successfully";

    public override void Configure()
    {
        Post("/api/wallet/withdrawals");
        Options(route => route.RequireRateLimiting(RateLimitPolicies.Writes));
        Summary(s => s.Summary = "Debit the signed-in user's wallet; 409 when the balance is short (triggers fund_withdrawn)");
    }

    protected override IRequest<Result<WalletMovement>> CommandFor(long userId, decimal amount, string? idempotencyKey) =>
        new WithdrawFunds(userId, amount, idempotencyKey);
}
