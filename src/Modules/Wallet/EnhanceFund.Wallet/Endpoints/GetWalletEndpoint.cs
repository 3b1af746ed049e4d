using EnhanceFund.Wallet.Application;

namespace EnhanceFund.Wallet.Endpoints;

internal sealed class GetWalletEndpoint(IMediator mediator) : GetOwnEndpoint<WalletDto, WalletData>(
    mediator, "/api/wallet", "The signed-in user's wallet", "Wallet retrieved successfully",
    userId => new GetWallet(userId), wallet => new WalletData(wallet));

public sealed record WalletData(WalletDto Wallet);
