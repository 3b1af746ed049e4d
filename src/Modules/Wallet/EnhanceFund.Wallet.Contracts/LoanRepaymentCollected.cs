using EnhanceFund.BuildingBlocks.Contracts;

namespace EnhanceFund.Wallet.Contracts;

/// <summary>A borrower's wallet paid a fulfilled loan's repayment due; the loan's investors are to be paid from it.</summary>
[EventName("wallet.loan_repayment_collected")]
public sealed record LoanRepaymentCollected(
    Guid EventId, DateTimeOffset OccurredAt, long LoanId, long BorrowerId, decimal Amount, long TransactionId)
    : IIntegrationEvent;
