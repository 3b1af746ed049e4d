using EnhanceFund.Wallet.Domain;

namespace EnhanceFund.Wallet.Infrastructure;

internal sealed class WalletTransactionConfiguration : IEntityTypeConfiguration<WalletTransaction>
{
    public void Configure(EntityTypeBuilder<WalletTransaction> builder)
    {
        builder.ToTable("transactions");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Type)
            .HasConversion(type => type.Code(), code => TransactionTypeCodes.Parse(code))
            .HasMaxLength(30);
        builder.Property(t => t.RelatedType).HasMaxLength(30);
        builder.HasIndex(t => new { t.UserId, t.Id }).IsDescending(false, true);
    }
}
