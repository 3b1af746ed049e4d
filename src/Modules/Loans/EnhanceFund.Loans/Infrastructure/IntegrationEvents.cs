using EnhanceFund.BuildingBlocks.Contracts;
using EnhanceFund.BuildingBlocks.Domain;
using Published = EnhanceFund.Loans.Contracts;

namespace EnhanceFund.Loans.Infrastructure;

/// <summary>Which of Loans' domain events other modules hear about, and in what public shape.</summary>
internal static class IntegrationEvents
{
    public static IIntegrationEvent? From(IDomainEvent domainEvent) => domainEvent switch
    {
        Domain.LoanRequested e => new Published.LoanRequested(e.EventId, e.OccurredAt, e.LoanId, e.BorrowerId, e.Amount),
        Domain.LoanApproved e => new Published.LoanApproved(e.EventId, e.OccurredAt, e.LoanId, e.BorrowerId, e.Amount),
        Domain.LoanFunded e => new Published.LoanFunded(
            e.EventId, e.OccurredAt, e.LoanId, e.BorrowerId, e.InvestmentId, e.InvestorId, e.Amount, e.FundedAmount, e.LoanAmount,
            e.ExpectedReturn),
        Domain.LoanFundingRejected e => new Published.LoanFundingRejected(
            e.EventId, e.OccurredAt, e.LoanId, e.InvestmentId, e.InvestorId, e.Amount, e.Reason),
        Domain.LoanFulfilled e => new Published.LoanFulfilled(
            e.EventId, e.OccurredAt, e.LoanId, e.BorrowerId, e.Amount, e.RepaymentDue, e.InvestorIds),
        Domain.LoanRepaid e => new Published.LoanRepaid(e.EventId, e.OccurredAt, e.LoanId, e.BorrowerId, e.Amount, e.Shares),
        _ => null,
    };
}
