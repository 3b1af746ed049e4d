using EnhanceFund.BuildingBlocks.Contracts;

namespace EnhanceFund.Loans.Contracts;

/// <summary>
/// A loan is fully funded: its amount goes to the borrower, who owes <see cref="RepaymentDue"/> (principal plus
/// interest). <see cref="InvestorIds"/> holds every investor of the loan once.
/// </summary>
[EventName("loans.loan_fulfilled")]
public sealed record LoanFulfilled(
    Guid EventId, DateTimeOffset OccurredAt, long LoanId, long BorrowerId, decimal Amount, decimal RepaymentDue,
    IReadOnlyList<long> InvestorIds)
    : IIntegrationEvent;
