using MediatR;

namespace EnhanceFund.Wallet.Application.ListTransactions;

public sealed record ListTransactions(long UserId, int Limit, long? BeforeId) : IRequest<TransactionPage>;

public sealed record TransactionPage(IReadOnlyList<TransactionDto> Transactions, long? NextBeforeId);
