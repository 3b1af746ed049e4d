using EnhanceFund.BuildingBlocks.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EnhanceFund.BuildingBlocks.Persistence;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("outbox_messages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Type).HasMaxLength(200);
        builder.Property(m => m.Payload).HasColumnType("jsonb");
        // The relay's claim query reads only what is still due, so the index holds only that.
        builder.HasIndex(m => m.NextAttemptAt)
            .HasDatabaseName("ix_outbox_messages_due")
            .HasFilter("processed_at IS NULL AND parked_at IS NULL");
        builder.HasIndex(m => m.ProcessedAt)
            .HasDatabaseName("ix_outbox_messages_processed")
            .HasFilter("processed_at IS NOT NULL");
        // The parked-messages gauge counts these at every refresh; the admin's list reads them oldest first.
        builder.HasIndex(m => m.ParkedAt)
            .HasDatabaseName("ix_outbox_messages_parked")
            .HasFilter("parked_at IS NOT NULL");
    }
}
