using EnhanceFund.BuildingBlocks.Contracts;

namespace EnhanceFund.Wallet.Contracts;

/// <summary>An investment's amount was debited from the investor's wallet; the loan may now take it.</summary>
[EventName("wallet.investment_funds_debited")]
public sealed record InvestmentFundsDebited(
    Guid EventId, DateTimeOffset OccurredAt, long InvestmentId, long InvestorId, long LoanId, decimal Amount, long TransactionId)
    : IIntegrationEvent;

/// <summary>The investor's balance was short of the investment's amount; nothing was debited.</summary>
[EventName("wallet.investment_funds_refused")]
public sealed record InvestmentFundsRefused(
    Guid EventId, DateTimeOffset OccurredAt, long InvestmentId, long InvestorId, long LoanId, decimal Amount, decimal Balance)
    : IIntegrationEvent;

/// <summary>A loan refused an investment, and its amount is back in the investor's wallet.</summary>
[EventName("wallet.investment_funds_refunded")]
public sealed record InvestmentFundsRefunded(
    Guid EventId, DateTimeOffset OccurredAt, long InvestmentId, long InvestorId, long LoanId, decimal Amount, string Reason, long TransactionId)
    : IIntegrationEvent;

/// <summary>An investment's share of a repaid loan was credited to the investor's wallet.</summary>
[EventName("wallet.investment_return_paid")]
public sealed record InvestmentReturnPaid(
    Guid EventId, DateTimeOffset OccurredAt, long InvestmentId, long InvestorId, long LoanId, decimal Amount, long TransactionId)
    : IIntegrationEvent;
