using EnhanceFund.BuildingBlocks.Contracts;

namespace EnhanceFund.Investments.Contracts;

/// <summary>The loan took the investment's money: the investment is active.</summary>
[EventName("investments.investment_made")]
public sealed record InvestmentMade(
    Guid EventId, DateTimeOffset OccurredAt, long InvestmentId, long InvestorId, long LoanId, decimal Amount, decimal ExpectedReturn)
    : IIntegrationEvent;

/// <summary>
/// The investment was rejected (<see cref="Reason"/> is its <c>rejection_reason</c>) and whatever was debited
/// for it is back in the investor's wallet.
/// </summary>
[EventName("investments.investment_rejected")]
public sealed record InvestmentRejected(
    Guid EventId, DateTimeOffset OccurredAt, long InvestmentId, long InvestorId, long LoanId, decimal Amount, string Reason)
    : IIntegrationEvent;

/// <summary>The loan was repaid and this investment's return is in the investor's wallet: the investment is closed.</summary>
[EventName("investments.investment_closed")]
public sealed record InvestmentClosed(
    Guid EventId, DateTimeOffset OccurredAt, long InvestmentId, long InvestorId, long LoanId, decimal Amount, decimal ReturnAmount)
    : IIntegrationEvent;
