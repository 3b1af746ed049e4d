using EnhanceFund.Wallet.Application;
using Microsoft.AspNetCore.Builder;

namespace EnhanceFund.Wallet.Endpoints;

/// <summary>
/// <c>POST /api/loans/{id}/repay</c> lives in Wallet, not Loans: the wallet alone can refuse a short balance on the
/// spot (see RepayLoanHandler). It answers 202 because the loan closes and investors are paid asynchronously.
/// </summary>
internal sealed class RepayLoanEndpoint(IMediator mediator) : Endpoint<IdRequest>
{
    public override void Configure()
    {
        Post("/api/loans/{id}/repay");
        Options(route => route.RequireRateLimiting(RateLimitPolicies.Writes));
        Roles(Role.Borrower);
        Summary(s => s.Summary = "Repay a fulfilled loan from the borrower's wallet, principal plus interest; 409 if short (triggers investment_return)");
        Description(d => d.Answers<WalletMovement>(StatusCodes.Status202Accepted, 400, 401, 403, 404, 409, 429));
    }

    public override Task HandleAsync(IdRequest request, CancellationToken cancellationToken) =>
        HttpContext.SendIdempotentAsync(
            idempotencyKey => mediator.Send(new RepayLoan(User.UserId(), request.Id, idempotencyKey), cancellationToken),
            "Loan repayment accepted", movement => movement, StatusCodes.Status202Accepted, cancellationToken);
}
