using EnhanceFund.BuildingBlocks.Domain;

namespace EnhanceFund.Loans.Domain;

/// <summary>A borrower's request for money, which an admin opens for investment by approving it.</summary>
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

    public int InvestorCount { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static Loan Request(long id, long borrowerId, Money amount, decimal interestRate, int termMonths, string purpose, DateTimeOffset now) =>
        new()
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

    public Result<Loan> Approve()
    {
        if (Status != LoanStatus.Pending)
            return Error.Conflict($"Only a pending loan can be approved; this one is {Status.Code()}.");

        Status = LoanStatus.Approved;
        Raise(new LoanApproved(Id, BorrowerId, Amount.Amount));
        return this;
    }
}

public sealed record LoanApproved(long LoanId, long BorrowerId, decimal Amount) : DomainEvent;
