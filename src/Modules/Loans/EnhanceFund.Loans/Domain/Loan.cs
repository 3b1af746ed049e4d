using EnhanceFund.Investments.Contracts;

namespace EnhanceFund.Loans.Domain;

/// <summary>
/// A borrower's request for money: approved by an admin, funded by investors until it is fulfilled (and paid out
/// to the borrower), then repaid and split among its investors.
/// </summary>
public sealed class Loan : AggregateRoot
{
    private Loan() { }

    public long Id { get; private set; }

    public long BorrowerId { get; private set; }

    public Money Amount { get; private set; }

    public Money FundedAmount { get; private set; }

    public Money RemainingAmount => Amount - FundedAmount;

    /// <summary>Annual percentage, e.g. 12.50 for 12.5 % a year.</summary>
    public decimal InterestRate { get; private set; }

    public int TermMonths { get; private set; }

    public string Purpose { get; private set; } = "";

    public LoanStatus Status { get; private set; }

    /// <summary>Distinct investors whose money the loan took.</summary>
    public int InvestorCount { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public Money RepaymentDue => Repayment.Due(Amount, InterestRate, TermMonths);

    public static Loan Request(long id, long borrowerId, Money amount, decimal interestRate, int termMonths, string purpose, DateTimeOffset now)
    {
        var loan = new Loan
        {
            Id = id,
            BorrowerId = borrowerId,
            Amount = amount,
            FundedAmount = Money.Zero,
            InterestRate = interestRate,
            TermMonths = termMonths,
            Purpose = purpose.Trim(),
            Status = LoanStatus.Pending,
            CreatedAt = now,
        };
        loan.Raise(new LoanRequestedDomainEvent(id, borrowerId, amount.Amount));
        return loan;
    }

    public Result<Loan> Approve()
    {
        if (Status != LoanStatus.Pending)
            return Error.Conflict($"Only a pending loan can be approved; this one is {Status.Code()}.");

        Status = LoanStatus.Approved;
        Raise(new LoanApprovedDomainEvent(Id, BorrowerId, Amount.Amount));
        return this;
    }

    /// <summary>
    /// Takes an investment's money if the loan is open and still needs that much; otherwise the funding is
    /// rejected (and the investor refunded). The funding that completes the amount fulfils the loan.
    /// </summary>
    /// <param name="investorsSoFar">Every investor whose money this loan already took.</param>
    public LoanFunding Fund(long investmentId, long investorId, Money amount, IReadOnlySet<long> investorsSoFar, DateTimeOffset now)
    {
        // Only an approved loan takes money: a pending, fulfilled (even a moment ago) or repaid one is not open.
        if (Status is not LoanStatus.Approved)
            return LoanFunding.Reject(investmentId, Id, investorId, amount, InvestmentRejectionReasons.LoanNotOpen, now);
        if (amount > RemainingAmount)
            return LoanFunding.Reject(investmentId, Id, investorId, amount, InvestmentRejectionReasons.ExceedsRemaining, now);

        FundedAmount += amount;
        var isNewInvestor = !investorsSoFar.Contains(investorId);
        if (isNewInvestor) InvestorCount++;
        Raise(new LoanFundedDomainEvent(
            Id, BorrowerId, investmentId, investorId, amount.Amount, FundedAmount.Amount, Amount.Amount,
            Repayment.Due(amount, InterestRate, TermMonths).Amount));

        if (RemainingAmount == Money.Zero)
        {
            Status = LoanStatus.Fulfilled;
            var investors = isNewInvestor ? investorsSoFar.Append(investorId) : investorsSoFar;
            Raise(new LoanFulfilledDomainEvent(Id, BorrowerId, Amount.Amount, RepaymentDue.Amount, investors.Order().ToList()));
        }

        return LoanFunding.Accept(investmentId, Id, investorId, amount, now);
    }

    /// <summary>Closes a fulfilled loan whose repayment was collected, splitting it among the accepted fundings.</summary>
    public void Repay(Money collected, IReadOnlyList<LoanFunding> fundings)
    {
        if (Status != LoanStatus.Fulfilled)
            throw new InvalidOperationException($"Loan {Id} is {Status.Code()}; only a fulfilled loan can be repaid.");

        Status = LoanStatus.Repaid;
        var shares = Repayment.Split(collected, fundings.Select(f => (f.InvestmentId, f.Amount)).ToList());
        Raise(new LoanRepaidDomainEvent(Id, BorrowerId, collected.Amount, fundings
            .Select(f => new RepaymentShare(f.InvestmentId, f.InvestorId, f.Amount.Amount, shares[f.InvestmentId].Amount))
            .ToList()));
    }
}
