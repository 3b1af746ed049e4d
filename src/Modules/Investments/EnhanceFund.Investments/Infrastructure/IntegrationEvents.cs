using EnhanceFund.BuildingBlocks.Contracts;
using EnhanceFund.BuildingBlocks.Domain;
using Published = EnhanceFund.Investments.Contracts;

namespace EnhanceFund.Investments.Infrastructure;

/// <summary>Which of Investments' domain events other modules hear about, and in what public shape.</summary>
internal static class IntegrationEvents
{
    public static IIntegrationEvent? From(IDomainEvent domainEvent) => domainEvent switch
    {
        Domain.InvestmentRequested e => new Published.InvestmentRequested(e.EventId, e.OccurredAt, e.InvestmentId, e.InvestorId, e.LoanId, e.Amount),
        Domain.InvestmentMade e => new Published.InvestmentMade(
            e.EventId, e.OccurredAt, e.InvestmentId, e.InvestorId, e.LoanId, e.Amount, e.ExpectedReturn),
        Domain.InvestmentRejected e => new Published.InvestmentRejected(
            e.EventId, e.OccurredAt, e.InvestmentId, e.InvestorId, e.LoanId, e.Amount, e.Reason),
        Domain.InvestmentClosed e => new Published.InvestmentClosed(
            e.EventId, e.OccurredAt, e.InvestmentId, e.InvestorId, e.LoanId, e.Amount, e.ReturnAmount),
        _ => null,
    };
}
