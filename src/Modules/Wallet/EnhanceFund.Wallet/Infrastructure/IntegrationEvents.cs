using EnhanceFund.BuildingBlocks.Contracts;
using EnhanceFund.BuildingBlocks.Domain;
using Published = EnhanceFund.Wallet.Contracts;

namespace EnhanceFund.Wallet.Infrastructure;

/// <summary>Which of Wallet's domain events other modules hear about, and in what public shape.</summary>
internal static class IntegrationEvents
{
    public static IIntegrationEvent? From(IDomainEvent domainEvent) => domainEvent switch
    {
        Domain.FundsDeposited e => new Published.FundsAdded(e.EventId, e.OccurredAt, e.UserId, e.TransactionId, e.Amount, e.BalanceAfter),
        Domain.FundsWithdrawn e => new Published.FundsWithdrawn(e.EventId, e.OccurredAt, e.UserId, e.TransactionId, e.Amount, e.BalanceAfter),
        Domain.InvestmentFundsDebited e => new Published.InvestmentFundsDebited(
            e.EventId, e.OccurredAt, e.InvestmentId, e.InvestorId, e.LoanId, e.Amount, e.TransactionId),
        Domain.InvestmentFundsRefused e => new Published.InvestmentFundsRefused(
            e.EventId, e.OccurredAt, e.InvestmentId, e.InvestorId, e.LoanId, e.Amount, e.Balance),
        Domain.InvestmentFundsRefunded e => new Published.InvestmentFundsRefunded(
            e.EventId, e.OccurredAt, e.InvestmentId, e.InvestorId, e.LoanId, e.Amount, e.Reason, e.TransactionId),
        Domain.LoanRepaymentCollected e => new Published.LoanRepaymentCollected(
            e.EventId, e.OccurredAt, e.LoanId, e.BorrowerId, e.Amount, e.TransactionId),
        Domain.InvestmentReturnPaid e => new Published.InvestmentReturnPaid(
            e.EventId, e.OccurredAt, e.InvestmentId, e.InvestorId, e.LoanId, e.Amount, e.TransactionId),
        _ => null,
    };
}
