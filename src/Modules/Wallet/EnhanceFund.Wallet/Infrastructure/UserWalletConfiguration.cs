using EnhanceFund.Wallet.Domain;

namespace EnhanceFund.Wallet.Infrastructure;

internal sealed class UserWalletConfiguration : IEntityTypeConfiguration<UserWallet>
{
    public void Configure(EntityTypeBuilder<UserWallet> builder)
    {
        // The check is the last line of defence: even a bug that skipped the domain rule cannot commit a negative balance.
        builder.ToTable("wallets", t => t.HasCheckConstraint("ck_wallets_balance_not_negative", "balance >= 0"));
        builder.HasKey(w => w.UserId);
        builder.Property(w => w.Currency).HasMaxLength(3);
    }
}
