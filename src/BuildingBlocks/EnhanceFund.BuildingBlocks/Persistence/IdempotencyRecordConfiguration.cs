using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EnhanceFund.BuildingBlocks.Persistence;

/// <summary>Maps <see cref="IdempotencyRecord"/> into a module's schema; a module that honours Idempotency-Key applies it.</summary>
public sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    /// <summary>The key (user, key) that refuses a retry's record: EF's name for it.</summary>
    public const string PrimaryKey = "pk_idempotency_records";

    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("idempotency_records");
        builder.HasKey(r => new { r.UserId, r.Key });
        builder.Property(r => r.Key).HasMaxLength(255);
        builder.Property(r => r.Request).HasMaxLength(100);
        builder.Property(r => r.Outcome).HasColumnType("jsonb");
        // The cleanup job finds expired outcomes by it, oldest first, without reading the whole table.
        builder.HasIndex(r => r.CreatedAt);
    }
}
