using EnhanceFund.Loans.Domain;

namespace EnhanceFund.Loans.Infrastructure;

internal sealed class LoanFundingConfiguration : IEntityTypeConfiguration<LoanFunding>
{
    public void Configure(EntityTypeBuilder<LoanFunding> builder)
    {
        builder.ToTable("loan_fundings");
        builder.HasKey(f => f.InvestmentId);
        builder.Property(f => f.RejectionReason).HasMaxLength(40);
        builder.HasIndex(f => new { f.LoanId, f.InvestorId }).HasDatabaseName("ix_loan_fundings_loan_id_investor_id");
        builder.HasIndex(f => new { f.InvestorId, f.LoanId }).HasDatabaseName("ix_loan_fundings_investor_id_loan_id");
    }
}
