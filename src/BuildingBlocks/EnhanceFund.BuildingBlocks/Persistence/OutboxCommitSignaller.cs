using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EnhanceFund.BuildingBlocks.Persistence;

/// <summary>Wakes the relay when an explicit transaction that wrote outbox rows commits (and forgets them on rollback).</summary>
internal sealed class OutboxCommitSignaller(Action wakeRelay) : DbTransactionInterceptor
{
    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        WakeIfPending(eventData);

    public override Task TransactionCommittedAsync(
        DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        WakeIfPending(eventData);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        Forget(eventData);

    public override Task TransactionRolledBackAsync(
        DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData);
        return Task.CompletedTask;
    }

    private void WakeIfPending(TransactionEndEventData eventData)
    {
        if (eventData.Context is not ModuleDbContext { HasUnsignalledOutboxMessages: true } module) return;
        module.HasUnsignalledOutboxMessages = false;
        wakeRelay();
    }

    private static void Forget(TransactionEndEventData eventData)
    {
        if (eventData.Context is ModuleDbContext module) module.HasUnsignalledOutboxMessages = false;
    }
}
