using EnhanceFund.Wallet.Infrastructure;

namespace EnhanceFund.Wallet.Application;

public sealed record GetWallet(long UserId) : IRequest<WalletDto>;

internal sealed class GetWalletHandler(WalletDbContext db, TimeProvider clock) : IRequestHandler<GetWallet, WalletDto>
{
    public async Task<WalletDto> Handle(GetWallet query, CancellationToken cancellationToken)
    {
        // Every user has a wallet from registration on, even if the UserRegistered event is still in flight.
        await db.EnsureWalletAsync(query.UserId, clock.GetUtcNow(), cancellationToken);
        var wallet = await db.Wallets.AsNoTracking().SingleAsync(w => w.UserId == query.UserId, cancellationToken);
        return WalletDto.From(wallet);
    }
}
