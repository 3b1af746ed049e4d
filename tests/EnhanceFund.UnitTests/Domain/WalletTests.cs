using EnhanceFund.BuildingBlocks.Domain;
using EnhanceFund.Wallet.Domain;

namespace EnhanceFund.UnitTests.Domain;

public sealed class WalletTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 15, 10, 30, 0, TimeSpan.Zero);

    [Fact]
    public void A_deposit_credits_the_balance_and_records_what_happened()
    {
        var wallet = UserWallet.Open(7, Now);

        var transaction = wallet.Deposit(1, Money.Of(100m), Now);

        Assert.Equal(Money.Of(100m), wallet.Balance);
        Assert.Equal(TransactionType.Deposit, transaction.Type);
        Assert.Equal(Money.Of(100m), transaction.BalanceAfter);
        var deposited = Assert.IsType<FundsDepositedDomainEvent>(Assert.Single(wallet.DomainEvents));
        Assert.Equal((7L, 1L, 100m, 100m), (deposited.UserId, deposited.TransactionId, deposited.Amount, deposited.BalanceAfter));
    }

    [Fact]
    public void Withdrawing_more_than_the_balance_is_refused_and_changes_nothing()
    {
        var wallet = UserWallet.Open(7, Now);
        wallet.Deposit(1, Money.Of(30m), Now);
        wallet.ClearDomainEvents();

        var result = wallet.Withdraw(2, Money.Of(30.01m), Now.AddMinutes(1));

        Assert.False(result.IsSuccess);
        Assert.Equal(ErrorKind.Conflict, result.Error!.Kind);
        Assert.Equal("amount", result.Error.Field);
        Assert.Equal(Money.Of(30m), wallet.Balance);
        Assert.Equal(Now, wallet.UpdatedAt);
        Assert.Empty(wallet.DomainEvents);
    }

    [Fact]
    public void Withdrawing_the_whole_balance_leaves_exactly_zero()
    {
        var wallet = UserWallet.Open(7, Now);
        wallet.Deposit(1, Money.Of(30m), Now);

        var result = wallet.Withdraw(2, Money.Of(30m), Now);

        Assert.True(result.IsSuccess);
        Assert.Equal(Money.Zero, wallet.Balance);
        Assert.IsType<FundsWithdrawnDomainEvent>(wallet.DomainEvents[^1]);
    }

    [Fact]
    public void Transaction_type_codes_are_the_contracts_snake_case_names()
    {
        var codes = Enum.GetValues<TransactionType>().Select(t => t.Code()).ToList();
        Assert.Equal(
            ["deposit", "withdrawal", "investment", "investment_refund", "loan_disbursement", "loan_repayment", "investment_return"],
            codes);
        Assert.All(Enum.GetValues<TransactionType>(), t => Assert.Equal(t, TransactionTypeCodes.Parse(t.Code())));
    }
}
