using EnhanceFund.Investments.Domain;
using EnhanceFund.Investments.Infrastructure;

namespace EnhanceFund.Investments.Application;

public sealed record MakeInvestment(long InvestorId, long LoanId, decimal Amount, string? IdempotencyKey) : IRequest<Result<InvestmentDto>>;

/// <summary>
/// Records the investment as pending and starts the saga (InvestmentRequested, through the outbox). Nothing else
/// is checked here: whether the money and the loan are there is for Wallet and Loans to say.
/// </summary>
internal sealed class MakeInvestmentHandler(InvestmentsDbContext db, TimeProvider clock) : IRequestHandler<MakeInvestment, Result<InvestmentDto>>
{
    public Task<Result<InvestmentDto>> Handle(MakeInvestment command, CancellationToken cancellationToken)
    {
        var amount = Money.Of(command.Amount);
        return db.ExecuteOnceAsync<InvestmentDto>(
            clock, command.InvestorId, command.IdempotencyKey, $"investment:{command.LoanId}:{amount.Amount}",
            async now =>
            {
                var id = await db.NextInvestmentIdAsync(cancellationToken);
                var investment = Investment.Make(id, command.InvestorId, command.LoanId, amount, now);
                db.Investments.Add(investment);
                return InvestmentDto.From(investment);
            },
            cancellationToken);
    }
}
