namespace EnhanceFund.Wallet.Application;

public sealed record WithdrawFunds(long UserId, decimal Amount, string? IdempotencyKey) : IRequest<Result<WalletMovement>>;

internal sealed class WithdrawFundsHandler(FundsMover mover) : IRequestHandler<WithdrawFunds, Result<WalletMovement>>
{
    public Task<Result<WalletMovement>> Handle(WithdrawFunds command, CancellationToken cancellationToken)
    {
        var amount = Money.Of(command.Amount);
        return mover.ExecuteAsync(
            command.UserId, $"withdrawal:{amount.Amount}", command.IdempotencyKey,
            (wallet, transactionId, now) => wallet.Withdraw(transactionId, amount, now),
            cancellationToken);
    }
}
