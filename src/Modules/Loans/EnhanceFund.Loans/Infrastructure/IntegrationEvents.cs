using EnhanceFund.BuildingBlocks.Contracts;
using EnhanceFund.Loans.Contracts;
using EnhanceFund.Loans.Domain;

namespace EnhanceFund.Loans.Infrastructure;

/// <summary>Which of Loans' domain events other modules hear about, and in what public shape.</summary>
internal static class IntegrationEvents
{
    public static IIntegrationEvent? From(IDomainEvent domainEvent) => domainEvent switch
    {
        LoanRequestedDomainEvent e => new LoanRequested(e.EventId, e.OccurredAt, e.LoanId, e.BorrowerId, e.Amount),
        LoanApprovedDomainEvent e => new LoanApproved(e.EventId, e.OccurredAt, e.LoanId, e.BorrowerId, e.Amount),
        LoanFundedDomainEvent e => new LoanFunded(
            e.EventId, e.OccurredAt, e.LoanId, e.BorrowerId, e.InvestmentId, e.InvestorId, e.Amount, e.FundedAmount, e.LoanAmount,
            e.ExpectedReturn),
        LoanFundingRejectedDomainEvent e => new LoanFundingRejected(
            e.EventId, e.OccurredAt, e.LoanId, e.InvestmentId, e.InvestorId, e.Amount, e.Reason),
        LoanFulfilledDomainEvent e => new LoanFulfilled(
            e.EventId, e.OccurredAt, e.LoanId, e.BorrowerId, e.Amount, e.RepaymentDue, e.InvestorIds),
        LoanRepaidDomainEvent e => new LoanRepaid(
            e.EventId, e.OccurredAt, e.LoanId, e.BorrowerId, e.Amount,
            e.Shares.Select(s => new InvestmentShare(s.InvestmentId, s.InvestorId, s.Invested, s.Amount)).ToList()),
        _ => null,
    };
}
