using EnhanceFund.BuildingBlocks.Contracts;
using EnhanceFund.BuildingBlocks.Domain;
using Published = EnhanceFund.Wallet.Contracts;

namespace EnhanceFund.Wallet.Infrastructure;

/// <summary>Which of Wallet's domain events other modules hear about, and in what public shape.</summary>
internal static class IntegrationEvents
{
    public static IIntegrationEvent? From(IDomainEvent domainEvent) => domainEvent switch
    {
        Domain.FundsDeposited e => new Published.FundsAdded(e.EventId, e.OccurredAt, e.UserId, e.TransactionId, e.Amount, e.BalanceAfter),
        Domain.FundsWithdrawn e => new Published.FundsWithdrawn(e.EventId, e.OccurredAt, e.UserId, e.TransactionId, e.Amount, e.BalanceAfter),
        _ => null,
    };
}
