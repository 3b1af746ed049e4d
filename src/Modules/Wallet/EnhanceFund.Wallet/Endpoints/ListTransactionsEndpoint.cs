using EnhanceFund.Wallet.Application;

namespace EnhanceFund.Wallet.Endpoints;

public sealed class ListTransactionsRequest : PageRequest;

internal sealed class ListTransactionsValidator : Validator<ListTransactionsRequest>
{
    public ListTransactionsValidator() => Include(new PageRequestValidator());
}

internal sealed class ListTransactionsEndpoint(IMediator mediator) : Endpoint<ListTransactionsRequest>
{
    public override void Configure()
    {
        Get("/api/wallet/transactions");
        Summary(s => s.Summary = "The signed-in user's wallet history, newest first");
        Description(d => d.Answers<TransactionPage>(StatusCodes.Status200OK, 400, 401));
    }

    public override async Task HandleAsync(ListTransactionsRequest request, CancellationToken cancellationToken)
    {
        var page = await mediator.Send(new ListTransactions(User.UserId(), request.PageSize, request.BeforeId), cancellationToken);
        await HttpContext.Response.SendSuccessAsync("Transactions retrieved successfully", page, cancellationToken: cancellationToken);
    }
}
