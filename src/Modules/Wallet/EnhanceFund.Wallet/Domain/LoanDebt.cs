namespace EnhanceFund.Wallet.Domain;

/// <summary>
/// A loan as the wallet sees it: whose it is, and once its amount was paid out, what its borrower owes. The wallet
/// keeps this so that a repayment is checked and debited in one transaction, and refused (409) on the spot when short.
/// </summary>
public sealed class LoanDebt
{
    private LoanDebt() { }

    public long LoanId { get; private set; }

    public long BorrowerId { get; private set; }

    /// <summary>Principal plus interest; null until the loan is fulfilled and disbursed.</summary>
    public Money? RepaymentDue { get; private set; }

    public DateTimeOffset? RepaidAt { get; private set; }

    public static LoanDebt Open(long loanId, long borrowerId) => new() { LoanId = loanId, BorrowerId = borrowerId };

    internal void FallDue(Money repaymentDue) =>
        RepaymentDue = RepaymentDue is null
            ? repaymentDue
            : throw new InvalidOperationException($"Loan {LoanId} was already disbursed.");

    internal Result<Money> AmountToRepay()
    {
        if (RepaidAt is not null) return Error.Conflict("This loan is already repaid.");
        if (RepaymentDue is not { } due) return Error.Conflict("Only a fulfilled loan can be repaid; this one is not fully funded and paid out yet.");
        return due;
    }

    internal void MarkRepaid(DateTimeOffset now) => RepaidAt = now;
}
