using EnhanceFund.BuildingBlocks.Web;
using EnhanceFund.BuildingBlocks.Web.Auth;
using EnhanceFund.Wallet.Application;
using FastEndpoints;
using MediatR;

namespace EnhanceFund.Wallet.Endpoints;

internal sealed class GetWalletEndpoint(IMediator mediator) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Get("/api/wallet");
        Summary(s => s.Summary = "The signed-in user's wallet");
    }

    public override async Task HandleAsync(CancellationToken cancellationToken)
    {
        var wallet = await mediator.Send(new GetWallet(User.UserId()), cancellationToken);
        await HttpContext.Response.SendSuccessAsync("Wallet retrieved successfully", new { wallet }, cancellationToken: cancellationToken);
    }
}
