using EnhanceFund.Wallet.Infrastructure;

namespace EnhanceFund.Wallet.Application;

public sealed record ListTransactions(long UserId, int Limit, long? BeforeId) : IRequest<TransactionPage>;

public sealed record TransactionPage(IReadOnlyList<TransactionDto> Transactions, long? NextBeforeId);

internal sealed class ListTransactionsHandler(WalletDbContext db) : IRequestHandler<ListTransactions, TransactionPage>
{
    public async Task<TransactionPage> Handle(ListTransactions query, CancellationToken cancellationToken)
    {
        var (items, nextBeforeId) = await db.Transactions.AsNoTracking()
            .Where(t => t.UserId == query.UserId)
            .ToNewestFirstPageAsync(t => t.Id, query.BeforeId, query.Limit, TransactionDto.From, cancellationToken);
        return new TransactionPage(items, nextBeforeId);
    }
}
