using EnhanceFund.Wallet.Application;

namespace EnhanceFund.Wallet.Endpoints;

internal sealed class DepositEndpoint(IMediator mediator) : MoveFundsEndpoint(
    mediator, "/api/wallet/deposits", "Credit the signed-in user's wallet (triggers fund_added)", "Funds deposited successfully",
    (userId, amount, idempotencyKey) => new DepositFunds(userId, amount, idempotencyKey));
