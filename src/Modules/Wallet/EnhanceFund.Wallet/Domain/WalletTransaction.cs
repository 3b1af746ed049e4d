namespace EnhanceFund.Wallet.Domain;

/// <summary>One line of a wallet's history; written once, never changed.</summary>
public sealed class WalletTransaction
{
    private WalletTransaction() { }

    internal WalletTransaction(
        long id, long userId, TransactionType type, Money amount, Money balanceAfter, Subject? subject, DateTimeOffset createdAt)
    {
        Id = id;
        UserId = userId;
        Type = type;
        Amount = amount;
        BalanceAfter = balanceAfter;
        RelatedId = subject?.Id;
        RelatedType = subject?.Type;
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }

    public long UserId { get; private set; }

    public TransactionType Type { get; private set; }

    public Money Amount { get; private set; }

    public Money BalanceAfter { get; private set; }

    public long? RelatedId { get; private set; }

    public string? RelatedType { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
}

/// <summary>What a transaction was for: the <c>related_id</c> and <c>related_type</c> of the history line.</summary>
public sealed record Subject(long Id, string Type)
{
    public static Subject Investment(long investmentId) => new(investmentId, "investment");

    public static Subject Loan(long loanId) => new(loanId, "loan");
}
