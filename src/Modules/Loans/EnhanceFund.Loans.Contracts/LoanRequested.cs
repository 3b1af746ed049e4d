using EnhanceFund.BuildingBlocks.Contracts;

namespace EnhanceFund.Loans.Contracts;

/// <summary>A borrower asked for a loan; it waits for an admin's approval.</summary>
[EventName("loans.loan_requested")]
public sealed record LoanRequested(Guid EventId, DateTimeOffset OccurredAt, long LoanId, long BorrowerId, decimal Amount)
    : IIntegrationEvent;
