using MediatR;

namespace EnhanceFund.Wallet.Application.GetWallet;

public sealed record GetWallet(long UserId) : IRequest<WalletDto>;
