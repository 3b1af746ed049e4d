using EnhanceFund.BuildingBlocks.Contracts;

namespace EnhanceFund.Loans.Contracts;

/// <summary>An admin approved a loan: it is now open for investment.</summary>
[EventName("loans.loan_approved")]
public sealed record LoanApproved(Guid EventId, DateTimeOffset OccurredAt, long LoanId, long BorrowerId, decimal Amount)
    : IIntegrationEvent;
