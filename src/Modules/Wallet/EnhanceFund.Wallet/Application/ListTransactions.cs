using EnhanceFund.BuildingBlocks.Web;
using EnhanceFund.Wallet.Infrastructure;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace EnhanceFund.Wallet.Application;

public sealed record ListTransactions(long UserId, int Limit, long? BeforeId) : IRequest<TransactionPage>;

public sealed record TransactionPage(IReadOnlyList<TransactionDto> Transactions, long? NextBeforeId);

internal sealed class ListTransactionsHandler(WalletDbContext db) : IRequestHandler<ListTransactions, TransactionPage>
{
    public async Task<TransactionPage> Handle(ListTransactions query, CancellationToken cancellationToken)
    {
        var fetched = await db.Transactions.AsNoTracking()
            .Where(t => t.UserId == query.UserId && (query.BeforeId == null || t.Id < query.BeforeId))
            .OrderByDescending(t => t.Id)
            .Take(query.Limit + 1)
            .ToListAsync(cancellationToken);
        var (items, nextBeforeId) = Page.Of(fetched.Select(TransactionDto.From).ToList(), query.Limit, t => t.Id);
        return new TransactionPage(items, nextBeforeId);
    }
}
