using EnhanceFund.Identity.Contracts;
using EnhanceFund.Wallet.Infrastructure;

namespace EnhanceFund.Wallet.Application.Consumers;

/// <summary>Gives every new user an empty wallet.</summary>
[ConsumerName("wallet.provision_wallet_on_user_registered")]
internal sealed class ProvisionWalletOnUserRegistered(WalletDbContext db, TimeProvider clock)
    : InboxConsumer<UserRegistered, WalletDbContext>(db, clock)
{
    protected override Task ConsumeAsync(UserRegistered integrationEvent, CancellationToken cancellationToken) =>
        Db.EnsureWalletAsync(integrationEvent.UserId, integrationEvent.OccurredAt, cancellationToken);
}
