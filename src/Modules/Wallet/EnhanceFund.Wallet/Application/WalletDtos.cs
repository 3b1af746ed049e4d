using EnhanceFund.Wallet.Domain;

namespace EnhanceFund.Wallet.Application;

public sealed record WalletDto(decimal Balance, string Currency, DateTimeOffset UpdatedAt)
{
    public static WalletDto From(UserWallet wallet) => new(wallet.Balance.Amount, wallet.Currency, wallet.UpdatedAt);
}

public sealed record TransactionDto(
    long Id, string Type, decimal Amount, decimal BalanceAfter, long? RelatedId, string? RelatedType, DateTimeOffset CreatedAt)
{
    public static TransactionDto From(WalletTransaction t) =>
        new(t.Id, t.Type.Code(), t.Amount.Amount, t.BalanceAfter.Amount, t.RelatedId, t.RelatedType, t.CreatedAt);
}

/// <summary>What a deposit, a withdrawal or a loan repayment answers: the new history line and the wallet after it.</summary>
public sealed record WalletMovement(TransactionDto Transaction, WalletDto Wallet);
