namespace EnhanceFund.Loans.Domain;

/// <summary>
/// A loan's answer to one investment's money, kept whether it took it or not: the accepted ones are what the
/// repayment is split over, and the investment id as key means an investment is answered once.
/// </summary>
public sealed class LoanFunding : AggregateRoot
{
    private LoanFunding() { }

    public long InvestmentId { get; private set; }

    public long LoanId { get; private set; }

    public long InvestorId { get; private set; }

    public Money Amount { get; private set; }

    /// <summary>Null when the loan took the money; otherwise why it did not (an InvestmentRejectionReasons code).</summary>
    public string? RejectionReason { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    internal static LoanFunding Accept(long investmentId, long loanId, long investorId, Money amount, DateTimeOffset now) =>
        new() { InvestmentId = investmentId, LoanId = loanId, InvestorId = investorId, Amount = amount, CreatedAt = now };

    /// <summary>Refuses the money (public: a loan that does not exist refuses it too).</summary>
    public static LoanFunding Reject(long investmentId, long loanId, long investorId, Money amount, string reason, DateTimeOffset now)
    {
        var funding = Accept(investmentId, loanId, investorId, amount, now);
        funding.RejectionReason = reason;
        funding.Raise(new LoanFundingRejectedDomainEvent(loanId, investmentId, investorId, amount.Amount, reason));
        return funding;
    }
}
