using EnhanceFund.BuildingBlocks.Contracts;
using EnhanceFund.Investments.Contracts;
using EnhanceFund.Investments.Domain;

namespace EnhanceFund.Investments.Infrastructure;

/// <summary>Which of Investments' domain events other modules hear about, and in what public shape.</summary>
internal static class IntegrationEvents
{
    public static IIntegrationEvent? From(IDomainEvent domainEvent) => domainEvent switch
    {
        InvestmentRequestedDomainEvent e => new InvestmentRequested(e.EventId, e.OccurredAt, e.InvestmentId, e.InvestorId, e.LoanId, e.Amount),
        InvestmentMadeDomainEvent e => new InvestmentMade(
            e.EventId, e.OccurredAt, e.InvestmentId, e.InvestorId, e.LoanId, e.Amount, e.ExpectedReturn),
        InvestmentRejectedDomainEvent e => new InvestmentRejected(
            e.EventId, e.OccurredAt, e.InvestmentId, e.InvestorId, e.LoanId, e.Amount, e.Reason),
        InvestmentClosedDomainEvent e => new InvestmentClosed(
            e.EventId, e.OccurredAt, e.InvestmentId, e.InvestorId, e.LoanId, e.Amount, e.ReturnAmount),
        _ => null,
    };
}
