using EnhanceFund.Investments.Domain;

namespace EnhanceFund.Investments.Infrastructure;

internal sealed class InvestmentConfiguration : IEntityTypeConfiguration<Investment>
{
    public void Configure(EntityTypeBuilder<Investment> builder)
    {
        builder.ToTable("investments", t => t.HasCheckConstraint("ck_investments_amount_positive", "amount > 0"));
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Status)
            .HasConversion(s => s.Code(), code => InvestmentStatusCodes.Parse(code))
            .HasMaxLength(20);
        builder.Property(i => i.RejectionReason).HasMaxLength(40);
        builder.HasIndex(i => new { i.InvestorId, i.Id }).IsDescending(false, true).HasDatabaseName("ix_investments_investor_id_id");
    }
}
