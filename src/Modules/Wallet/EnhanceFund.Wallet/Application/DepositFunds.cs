namespace EnhanceFund.Wallet.Application;

public sealed record DepositFunds(long UserId, decimal Amount, string? IdempotencyKey) : IRequest<Result<WalletMovement>>;

internal sealed class DepositFundsHandler(FundsMover mover) : IRequestHandler<DepositFunds, Result<WalletMovement>>
{
    public Task<Result<WalletMovement>> Handle(DepositFunds command, CancellationToken cancellationToken)
    {
        var amount = Money.Of(command.Amount);
        return mover.ExecuteAsync(
            command.UserId, $"deposit:{amount.Amount}", command.IdempotencyKey,
            (wallet, transactionId, now) => wallet.Deposit(transactionId, amount, now),
            cancellationToken);
    }
}
