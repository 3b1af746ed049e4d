using EnhanceFund.BuildingBlocks.Domain;

namespace EnhanceFund.Wallet.Domain;

/// <summary>A user's US dollar balance. It never goes below zero: a debit larger than the balance is refused.</summary>
public sealed class Wallet : AggregateRoot
{
    public const string Usd = "USD";

    private Wallet() { }

    /// <summary>A new, empty wallet (the database opens one the same way: see WalletDbContext.EnsureWalletAsync).</summary>
    public static Wallet Open(long userId, DateTimeOffset now) => new() { UserId = userId, Balance = Money.Zero, UpdatedAt = now };

    public long UserId { get; private set; }

    public Money Balance { get; private set; }

    public string Currency { get; private set; } = Usd;

    public DateTimeOffset UpdatedAt { get; private set; }

    public WalletTransaction Deposit(long transactionId, Money amount, DateTimeOffset now)
    {
        var transaction = Credit(transactionId, TransactionType.Deposit, amount, now);
        Raise(new FundsDeposited(UserId, transaction.Id, amount.Amount, Balance.Amount));
        return transaction;
    }

    public Result<WalletTransaction> Withdraw(long transactionId, Money amount, DateTimeOffset now)
    {
        if (amount > Balance)
            return Error.Conflict($"Insufficient funds: the balance is {Balance}, the withdrawal {amount}.", "amount");

        var transaction = Debit(transactionId, TransactionType.Withdrawal, amount, now);
        Raise(new FundsWithdrawn(UserId, transaction.Id, amount.Amount, Balance.Amount));
        return transaction;
    }

    private WalletTransaction Credit(long transactionId, TransactionType type, Money amount, DateTimeOffset now)
    {
        Balance += amount;
        UpdatedAt = now;
        return new WalletTransaction(transactionId, UserId, type, amount, Balance, now);
    }

    private WalletTransaction Debit(long transactionId, TransactionType type, Money amount, DateTimeOffset now)
    {
        Balance -= amount;
        UpdatedAt = now;
        return new WalletTransaction(transactionId, UserId, type, amount, Balance, now);
    }
}
