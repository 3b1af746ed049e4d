using EnhanceFund.Wallet.Application;

namespace EnhanceFund.Wallet.Endpoints;

internal sealed class GetWalletEndpoint(IMediator mediator) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Get("/api/wallet");
        Summary(s => s.Summary = "The signed-in user's wallet");
        Description(d => d.Answers<WalletData>(StatusCodes.Status200OK, 401));
    }

    public override async Task HandleAsync(CancellationToken cancellationToken)
    {
        var wallet = await mediator.Send(new GetWallet(User.UserId()), cancellationToken);
        await HttpContext.Response.SendSuccessAsync("Wallet retrieved successfully", new WalletData(wallet), cancellationToken: cancellationToken);
    }
}

public sealed record WalletData(WalletDto Wallet);
