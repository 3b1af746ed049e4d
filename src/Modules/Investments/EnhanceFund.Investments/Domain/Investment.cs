namespace EnhanceFund.Investments.Domain;

/// <summary>
/// An investor's money on its way into a loan and back. It settles asynchronously: the wallet debits it, the loan
/// takes it, and only then is it active; any refusal on the way rejects it, with the money returned.
/// Each transition is allowed from one status only; an event that arrives early throws, and the relay retries it
/// until the step it depends on has landed.
/// </summary>
public sealed class Investment : AggregateRoot
{
    private Investment() { }

    public long Id { get; private set; }

    public long LoanId { get; private set; }

    public long InvestorId { get; private set; }

    public Money Amount { get; private set; }

    public InvestmentStatus Status { get; private set; }

    /// <summary>Null unless rejected; then one of the InvestmentRejectionReasons codes.</summary>
    public string? RejectionReason { get; private set; }

    /// <summary>Unknown while pending; the share of the loan's repayment due once active; what was paid once closed.</summary>
    public Money? ExpectedReturn { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static Investment Make(long id, long investorId, long loanId, Money amount, DateTimeOffset now)
    {
        var investment = new Investment
        {
            Id = id,
            InvestorId = investorId,
            LoanId = loanId,
            Amount = amount,
            Status = InvestmentStatus.Pending,
            CreatedAt = now,
        };
        investment.Raise(new InvestmentRequestedDomainEvent(id, investorId, loanId, amount.Amount));
        return investment;
    }

    public void Activate(Money expectedReturn)
    {
        Move(InvestmentStatus.Pending, InvestmentStatus.Active);
        ExpectedReturn = expectedReturn;
        Raise(new InvestmentMadeDomainEvent(Id, InvestorId, LoanId, Amount.Amount, expectedReturn.Amount));
    }

    public void Reject(string reason)
    {
        Move(InvestmentStatus.Pending, InvestmentStatus.Rejected);
        RejectionReason = reason;
        Raise(new InvestmentRejectedDomainEvent(Id, InvestorId, LoanId, Amount.Amount, reason));
    }

    public void Close(Money returned)
    {
        Move(InvestmentStatus.Active, InvestmentStatus.Closed);
        ExpectedReturn = returned;
        Raise(new InvestmentClosedDomainEvent(Id, InvestorId, LoanId, Amount.Amount, returned.Amount));
    }

    private void Move(InvestmentStatus from, InvestmentStatus to)
    {
        if (Status != from)
            throw new InvalidOperationException($"Investment {Id} is {Status.Code()}; it can become {to.Code()} only when {from.Code()}.");
        Status = to;
    }
}
