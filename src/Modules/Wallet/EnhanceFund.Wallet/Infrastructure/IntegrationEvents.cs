using EnhanceFund.BuildingBlocks.Contracts;
using EnhanceFund.Wallet.Contracts;
using EnhanceFund.Wallet.Domain;

namespace EnhanceFund.Wallet.Infrastructure;

/// <summary>Which of Wallet's domain events other modules hear about, and in what public shape.</summary>
internal static class IntegrationEvents
{
    public static IIntegrationEvent? From(IDomainEvent domainEvent) => domainEvent switch
    {
        FundsDepositedDomainEvent e => new FundsAdded(e.EventId, e.OccurredAt, e.UserId, e.TransactionId, e.Amount, e.BalanceAfter),
        FundsWithdrawnDomainEvent e => new FundsWithdrawn(e.EventId, e.OccurredAt, e.UserId, e.TransactionId, e.Amount, e.BalanceAfter),
        InvestmentFundsDebitedDomainEvent e => new InvestmentFundsDebited(
            e.EventId, e.OccurredAt, e.InvestmentId, e.InvestorId, e.LoanId, e.Amount, e.TransactionId),
        InvestmentFundsRefusedDomainEvent e => new InvestmentFundsRefused(
            e.EventId, e.OccurredAt, e.InvestmentId, e.InvestorId, e.LoanId, e.Amount, e.Balance),
        InvestmentFundsRefundedDomainEvent e => new InvestmentFundsRefunded(
            e.EventId, e.OccurredAt, e.InvestmentId, e.InvestorId, e.LoanId, e.Amount, e.Reason, e.TransactionId),
        LoanRepaymentCollectedDomainEvent e => new LoanRepaymentCollected(
            e.EventId, e.OccurredAt, e.LoanId, e.BorrowerId, e.Amount, e.TransactionId),
        InvestmentReturnPaidDomainEvent e => new InvestmentReturnPaid(
            e.EventId, e.OccurredAt, e.InvestmentId, e.InvestorId, e.LoanId, e.Amount, e.TransactionId),
        _ => null,
    };
}
