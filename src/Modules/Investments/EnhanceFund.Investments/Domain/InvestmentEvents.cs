namespace EnhanceFund.Investments.Domain;

public sealed record InvestmentRequestedDomainEvent(long InvestmentId, long InvestorId, long LoanId, decimal Amount) : DomainEvent;

public sealed record InvestmentMadeDomainEvent(long InvestmentId, long InvestorId, long LoanId, decimal Amount, decimal ExpectedReturn)
    : DomainEvent;

public sealed record InvestmentRejectedDomainEvent(long InvestmentId, long InvestorId, long LoanId, decimal Amount, string Reason)
    : DomainEvent;

public sealed record InvestmentClosedDomainEvent(long InvestmentId, long InvestorId, long LoanId, decimal Amount, decimal ReturnAmount)
    : DomainEvent;
