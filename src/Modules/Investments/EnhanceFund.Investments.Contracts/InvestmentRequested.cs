using EnhanceFund.BuildingBlocks.Contracts;

namespace EnhanceFund.Investments.Contracts;

/// <summary>An investor asked to put money into a loan: the saga starts with the investor's wallet.</summary>
[EventName("investments.investment_requested")]
public sealed record InvestmentRequested(
    Guid EventId, DateTimeOffset OccurredAt, long InvestmentId, long InvestorId, long LoanId, decimal Amount)
    : IIntegrationEvent;
