namespace EnhanceFund.Wallet.Domain;

/// <summary>A user's US dollar balance. It never goes below zero: a debit larger than the balance is refused.</summary>
public sealed class UserWallet : AggregateRoot
{
    public const string Usd = "USD";

    private UserWallet() { }

    /// <summary>A new, empty wallet (the database opens one the same way: see WalletDbContext.EnsureWalletAsync).</summary>
    public static UserWallet Open(long userId, DateTimeOffset now) => new() { UserId = userId, Balance = Money.Zero, UpdatedAt = now };

    /// <summary>A wallet as it was stored (the wallet's lock reads its row with the next history line's id, in one query).</summary>
    public static UserWallet Restore(long userId, Money balance, string currency, DateTimeOffset updatedAt) =>
        new() { UserId = userId, Balance = balance, Currency = currency, UpdatedAt = updatedAt };

    public long UserId { get; private set; }

    public Money Balance { get; private set; }

    public string Currency { get; private set; } = Usd;

    public DateTimeOffset UpdatedAt { get; private set; }

    public WalletTransaction Deposit(long transactionId, Money amount, DateTimeOffset now)
    {
        var transaction = Credit(transactionId, TransactionType.Deposit, amount, null, now);
        Raise(new FundsDepositedDomainEvent(UserId, transaction.Id, amount.Amount, Balance.Amount));
        return transaction;
    }

    public Result<WalletTransaction> Withdraw(long transactionId, Money amount, DateTimeOffset now)
    {
        if (amount > Balance)
            return Error.Conflict($"Insufficient funds: the balance is {Balance}, the withdrawal {amount}.", "amount");

        var transaction = Debit(transactionId, TransactionType.Withdrawal, amount, null, now);
        Raise(new FundsWithdrawnDomainEvent(UserId, transaction.Id, amount.Amount, Balance.Amount));
        return transaction;
    }

    /// <summary>Sets an investment's amount aside for its loan, or refuses it when the balance is short.</summary>
    public WalletTransaction? Invest(long transactionId, long investmentId, long loanId, Money amount, DateTimeOffset now)
    {
        if (amount > Balance)
        {
            Raise(new InvestmentFundsRefusedDomainEvent(investmentId, UserId, loanId, amount.Amount, Balance.Amount));
            return null;
        }

        var transaction = Debit(transactionId, TransactionType.Investment, amount, Subject.Investment(investmentId), now);
        Raise(new InvestmentFundsDebitedDomainEvent(investmentId, UserId, loanId, amount.Amount, transaction.Id));
        return transaction;
    }

    /// <summary>Gives back an investment's amount that its loan refused.</summary>
    public WalletTransaction RefundInvestment(long transactionId, long investmentId, long loanId, Money amount, string reason, DateTimeOffset now)
    {
        var transaction = Credit(transactionId, TransactionType.InvestmentRefund, amount, Subject.Investment(investmentId), now);
        Raise(new InvestmentFundsRefundedDomainEvent(investmentId, UserId, loanId, amount.Amount, reason, transaction.Id));
        return transaction;
    }

    /// <summary>Pays a fulfilled loan's amount to its borrower, who from now on owes its repayment.</summary>
    public WalletTransaction ReceiveLoan(long transactionId, LoanDebt debt, Money amount, Money repaymentDue, DateTimeOffset now)
    {
        debt.FallDue(repaymentDue);
        return Credit(transactionId, TransactionType.LoanDisbursement, amount, Subject.Loan(debt.LoanId), now);
    }

    /// <summary>Pays what the borrower owes on a loan, all at once, if the balance covers it.</summary>
    public Result<WalletTransaction> RepayLoan(long transactionId, LoanDebt debt, DateTimeOffset now)
    {
        var due = debt.AmountToRepay();
        if (!due.IsSuccess) return due.Error!;
        if (due.Value > Balance)
            return Error.Conflict($"Insufficient funds: the balance is {Balance}, the repayment due {due.Value}.");

        var transaction = Debit(transactionId, TransactionType.LoanRepayment, due.Value, Subject.Loan(debt.LoanId), now);
        debt.MarkRepaid(now);
        Raise(new LoanRepaymentCollectedDomainEvent(debt.LoanId, UserId, due.Value.Amount, transaction.Id));
        return transaction;
    }

    /// <summary>Credits an investment's share of its repaid loan.</summary>
    public WalletTransaction ReceiveReturn(long transactionId, long investmentId, long loanId, Money amount, DateTimeOffset now)
    {
        var transaction = Credit(transactionId, TransactionType.InvestmentReturn, amount, Subject.Investment(investmentId), now);
        Raise(new InvestmentReturnPaidDomainEvent(investmentId, UserId, loanId, amount.Amount, transaction.Id));
        return transaction;
    }

    private WalletTransaction Credit(long transactionId, TransactionType type, Money amount, Subject? subject, DateTimeOffset now)
    {
        Balance += amount;
        UpdatedAt = now;
        return new WalletTransaction(transactionId, UserId, type, amount, Balance, subject, now);
    }

    private WalletTransaction Debit(long transactionId, TransactionType type, Money amount, Subject? subject, DateTimeOffset now)
    {
        Balance -= amount;
        UpdatedAt = now;
        return new WalletTransaction(transactionId, UserId, type, amount, Balance, subject, now);
    }
}
