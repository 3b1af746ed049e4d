using EnhanceFund.BuildingBlocks.Contracts;
using EnhanceFund.BuildingBlocks.Domain;
using Published = EnhanceFund.Loans.Contracts;

namespace EnhanceFund.Loans.Infrastructure;

/// <summary>Which of Loans' domain events other modules hear about, and in what public shape.</summary>
internal static class IntegrationEvents
{
    public static IIntegrationEvent? From(IDomainEvent domainEvent) => domainEvent switch
    {
        Domain.LoanApproved e => new Published.LoanApproved(e.EventId, e.OccurredAt, e.LoanId, e.BorrowerId, e.Amount),
        _ => null,
    };
}
