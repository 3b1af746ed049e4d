using EnhanceFund.Loans.Domain;

namespace EnhanceFund.Loans.Infrastructure;

internal sealed class LoanConfiguration : IEntityTypeConfiguration<Loan>
{
    public void Configure(EntityTypeBuilder<Loan> builder)
    {
        builder.ToTable("loans", t =>
        {
            t.HasCheckConstraint("ck_loans_funded_within_amount", "funded_amount >= 0 AND funded_amount <= amount");
            t.HasCheckConstraint("ck_loans_interest_rate", "interest_rate > 0 AND interest_rate <= 100");
            t.HasCheckConstraint("ck_loans_term_months", "term_months BETWEEN 1 AND 120");
        });
        builder.HasKey(l => l.Id);
        builder.Property(l => l.InterestRate).HasColumnType("numeric(5,2)");
        builder.Property(l => l.Purpose).HasMaxLength(500);
        builder.Property(l => l.Status).HasConversion(s => s.Code(), code => LoanStatusCodes.Parse(code)).HasMaxLength(20);
        builder.Ignore(l => l.RemainingAmount);
        builder.Ignore(l => l.RepaymentDue);
        builder.HasIndex(l => new { l.Status, l.Id }).IsDescending(false, true);
        builder.HasIndex(l => new { l.BorrowerId, l.Id }).IsDescending(false, true);
    }
}
