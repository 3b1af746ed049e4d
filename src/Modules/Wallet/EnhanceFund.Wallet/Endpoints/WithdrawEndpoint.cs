using EnhanceFund.Wallet.Application;

namespace EnhanceFund.Wallet.Endpoints;

internal sealed class WithdrawEndpoint(IMediator mediator) : MoveFundsEndpoint(
    mediator, "/api/wallet/withdrawals", "Debit the signed-in user's wallet; 409 when the balance is short (triggers fund_withdrawn)",
    "Funds withdrawn successfully", (userId, amount, idempotencyKey) => new WithdrawFunds(userId, amount, idempotencyKey));
