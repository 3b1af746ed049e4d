using EnhanceFund.Wallet.Domain;

namespace EnhanceFund.Wallet.Infrastructure;

internal sealed class LoanDebtConfiguration : IEntityTypeConfiguration<LoanDebt>
{
    public void Configure(EntityTypeBuilder<LoanDebt> builder)
    {
        builder.ToTable("loan_debts");
        builder.HasKey(d => d.LoanId);
    }
}
